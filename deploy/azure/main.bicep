// FaqBot on Azure: App Service (Linux, .NET 10) + Azure Bot (Web Chat, Teams, Direct Line) + a user-assigned managed
// identity as the bot's identity (no app password to rotate) + Azure Database for PostgreSQL (the replicas' shared
// state). Commands: deploy/azure/README.md. A test (tests/FaqBot.Tests/Deploy/AzureBicepTests.cs) checks the app
// settings against the settings the server reads.

@description('Short name; the web app is https://<name>.azurewebsites.net unless taken.')
param name string = 'faqbot-${uniqueString(resourceGroup().id)}'

param location string = resourceGroup().location

@description('App Service plan size; P0v3 or larger runs two or more instances (capacity).')
param planSku string = 'P0v3'

@minValue(1)
param instances int = 2

@description('The clinic\'s website(s) that embed the chat, e.g. https://www.klinik.dk.')
param allowedOrigins array = []

@description('Where the articles are published, for "read more" links; empty: the bot\'s own article pages (https://<site>/artikler).')
param articleBaseUrl string = ''

@description('The clinic\'s Danish region, for the out-of-hours number in the urgent advice.')
@allowed(['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'])
param region string = 'hovedstaden'

@description('Base64 of 32 random bytes (openssl rand -base64 32): one Direct Line token key for all instances.')
@secure()
param directLineTokenSigningKey string

param postgresAdminLogin string = 'faqbot'

@secure()
param postgresAdminPassword string

@description('An OpenTelemetry collector (OTLP) for traces and metrics; empty exports nothing.')
param otlpEndpoint string = ''

var siteHost = '${name}.azurewebsites.net'

// The embedding sites, one app setting each (DirectLine__AllowedOrigins__0, __1 …).
var originSettings = [for (origin, i) in allowedOrigins: { name: 'DirectLine__AllowedOrigins__${i}', value: origin }]

// Telemetry only when a collector is named (OTEL_SERVICE_NAME names this service in it).
var telemetrySettings = empty(otlpEndpoint) ? [] : [
  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: otlpEndpoint }
  { name: 'OTEL_SERVICE_NAME', value: 'faqbot' }
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-identity'
  location: location
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${name}-db'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: 'faqbot'
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Reachable from Azure services (the web app) only; a VNet with private access is the stricter alternative.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instances
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet FaqBot.dll'
      alwaysOn: true
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // App Service takes an instance out of the load balancer while this fails.
      healthCheckPath: '/readyz'
      appSettings: concat([
        // The bot's identity is the managed identity: no password.
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
        { name: 'DirectLine__TokenSigningKey', value: directLineTokenSigningKey }
        { name: 'DirectLine__PublicBaseUrl', value: 'https://${siteHost}' }
        { name: 'Reply__ArticleBaseUrl', value: articleBaseUrl }
        { name: 'Safety__Region', value: region }
        // Only App Service's front ends can reach the app, so their X-Forwarded-* headers are trusted from anywhere.
        { name: 'ForwardedHeaders__KnownNetworks__0', value: '0.0.0.0/0' }
        { name: 'ForwardedHeaders__KnownNetworks__1', value: '::/0' }
        { name: 'ConnectionStrings__Postgres', value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${database.name};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require' }
      ], originSettings, telemetrySettings)
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'S1'
  }
  properties: {
    displayName: 'Klinikkens chatbot'
    endpoint: 'https://${siteHost}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

// Azure's Direct Line, for clients that use it instead of FaqBot's own (the chat page uses FaqBot's by default; set
// DirectLine__Azure__Secret to a key of this channel to switch the page over).
resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: !empty(allowedOrigins)
          trustedOrigins: allowedOrigins
        }
      ]
    }
  }
}

output webAppUrl string = 'https://${siteHost}'
output webAppName string = site.name
output botName string = bot.name
@description('The bot id for the Teams package: dotnet FaqBot.dll teams-package deploy/teams --bot-id <this>.')
output botId string = identity.properties.clientId
output postgresHost string = postgres.properties.fullyQualifiedDomainName
