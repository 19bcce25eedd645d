{{/*
Helpers. The templates of this chart keep to the subset of Go templates that
tests/HeuristicsBench.Chart.Tests renders (documented there): no dict, no with, no variables but $.
*/}}

{{- define "hb.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{- define "hb.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Host name the embedded broker advertises: its headless Service. */}}
{{- define "hb.brokerHost" -}}
{{ printf "%s-broker.%s.svc.cluster.local" .Release.Name .Release.Namespace }}
{{- end }}

{{/* Name of the Strimzi Kafka resource. */}}
{{- define "hb.kafkaCluster" -}}
{{ .Release.Name }}
{{- end }}

{{/* Bootstrap servers of the chosen Kafka; an unknown mode stops the install. */}}
{{- define "hb.bootstrap" -}}
{{- if eq .Values.kafka.mode "strimzi" -}}
{{ printf "%s-kafka-bootstrap.%s.svc:9092" (include "hb.kafkaCluster" .) .Release.Namespace }}
{{- else if eq .Values.kafka.mode "embedded" -}}
{{ printf "%s:9092" (include "hb.brokerHost" .) }}
{{- else if eq .Values.kafka.mode "external" -}}
{{ required "kafka.external.bootstrap is required with kafka.mode=external" .Values.kafka.external.bootstrap }}
{{- else -}}
{{ fail (printf "kafka.mode must be strimzi, embedded or external, not %s" .Values.kafka.mode) }}
{{- end -}}
{{- end }}

{{/* Pod-level security context shared by every pod. */}}
{{- define "hb.podSecurity" -}}
runAsNonRoot: true
runAsUser: {{ .Values.security.runAsUser }}
runAsGroup: {{ .Values.security.runAsGroup }}
fsGroup: {{ .Values.security.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Container-level security context shared by every container. */}}
{{- define "hb.containerSecurity" -}}
runAsNonRoot: true
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop: [ALL]
{{- end }}

{{/* Environment every .NET container gets: no diagnostics IPC socket in the read-only file system. */}}
{{- define "hb.dotnetEnv" -}}
- name: DOTNET_EnableDiagnostics
  value: "0"
- name: TMPDIR
  value: /tmp
{{- end }}
