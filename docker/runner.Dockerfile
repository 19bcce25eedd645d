# The chaos runner (heuristics-bench run) and the embedded broker (heuristics-bench broker). The runner references
# HeuristicsBench.FaultProxy, whose HTTP API is Kestrel (FrameworkReference Microsoft.AspNetCore.App), so the runtime
# is aspnet here too, not runtime.
# Build from the repository root:  docker build -f docker/runner.Dockerfile -t heuristics-bench/runner:dev .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore, then publish (the whole src/ is needed: projects reference each other).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
RUN dotnet restore src/ChaosRunner/ChaosRunner.csproj
RUN dotnet publish src/ChaosRunner/ChaosRunner.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# No diagnostics IPC socket: the chart mounts the root file system read-only (with an emptyDir at /tmp).
ENV DOTNET_EnableDiagnostics=0
EXPOSE 9092
# The .NET images' non-root user (UID 1654, $APP_UID); the chart runs as it too.
USER $APP_UID
ENTRYPOINT ["/app/heuristics-bench"]
CMD ["--help"]
