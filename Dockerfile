# KoreaPolicy API: built by the .NET SDK, run on the ASP.NET runtime as a non-root user.
#
#   docker build -t koreapolicy .
#   docker run -p 8080:8080 -v koreapolicy-data:/data koreapolicy
#   docker run -v koreapolicy-data:/data koreapolicy ingest /app/data/articles
#
# No Docker engine runs in this project's CI: .ci/check-publish runs this file's publish command,
# its ENV and its health probe against the published program instead. Keep the two in step.

# --- Build: restore from the project files first, so the package layer is cached until they change.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/KoreaPolicy/KoreaPolicy.csproj src/KoreaPolicy/
COPY src/KoreaPolicy.Api/KoreaPolicy.Api.csproj src/KoreaPolicy.Api/
RUN dotnet restore src/KoreaPolicy.Api
COPY src/ src/
RUN dotnet publish src/KoreaPolicy.Api -c Release -o /app

# --- Run: the program, the article texts it ingests at start-up, and the database on a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
COPY data/articles/ /app/data/articles/
COPY --chmod=0755 docker/healthcheck /usr/local/bin/koreapolicy-healthcheck

# The volume's mount point must belong to the app user before VOLUME, so that a new named
# volume starts out writable by it (SQLite also writes its -wal and -shm files there).
RUN mkdir /data && chown "$APP_UID:$APP_UID" /data
VOLUME /data

ENV Database__Path=/data/koreapolicy.db \
    Ingestion__Path=/app/data/articles \
    ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080

# The image's non-root "app" user (APP_UID, 1654), set up by the base image.
USER $APP_UID

# No curl in this image: the probe is a bash script (see docker/healthcheck for why).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/usr/local/bin/koreapolicy-healthcheck"]

ENTRYPOINT ["dotnet", "KoreaPolicy.Api.dll"]
