# The load generator (load-generator produce). Kestrel serves /metrics, /healthz and /readyz, so the runtime is aspnet.
# Build from the repository root:  docker build -f docker/load-generator.Dockerfile -t heuristics-bench/load-generator:dev .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore, then publish (the whole src/ is needed: projects reference each other).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
RUN dotnet restore src/LoadGenerator/LoadGenerator.csproj
RUN dotnet publish src/LoadGenerator/LoadGenerator.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# No diagnostics IPC socket: the chart mounts the root file system read-only (with an emptyDir at /tmp).
ENV DOTNET_EnableDiagnostics=0
ENV LOADGEN_HTTP=0.0.0.0:9401
EXPOSE 9401
# The .NET images' non-root user (UID 1654, $APP_UID); the chart runs as it too.
USER $APP_UID
ENTRYPOINT ["/app/load-generator"]
CMD ["produce"]
