# SshSupportBot: build, train the model, and ship only the runtime.
#   docker build -t sshsupportbot .
#   docker run -p 8080:8080 -e Slack__BotToken=... -e Slack__SigningSecret=... sshsupportbot
# intents/ can be mounted over /app/intents; a changed knowledge base is retrained at start-up into /app/data.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so source edits reuse the cached restore layer.
COPY Directory.Build.props ./
COPY src/SshSupportBot/SshSupportBot.csproj src/SshSupportBot/
RUN dotnet restore src/SshSupportBot/SshSupportBot.csproj
COPY src/ src/
RUN dotnet publish src/SshSupportBot/SshSupportBot.csproj -c Release --no-restore -o /app
COPY intents/ /app/intents/
# Train at build time so a container answers as soon as it starts.
RUN cd /app && Bot__IntentsPath=/app/intents Bot__DataDirectory=/app/data dotnet sshbot.dll train

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# 1654 is the non-root "app" user of Microsoft's .NET images; numeric so Kubernetes' runAsNonRoot can verify it.
COPY --from=build --chown=1654:1654 /app /app
USER 1654
ENV ASPNETCORE_URLS=http://+:8080 \
    Bot__IntentsPath=/app/intents \
    Bot__DataDirectory=/app/data
EXPOSE 8080
VOLUME ["/app/data"]
# The runtime image has no curl or wget: the bot asks its own endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["dotnet", "/app/sshbot.dll", "health", "--url", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "/app/sshbot.dll"]
CMD ["serve"]
