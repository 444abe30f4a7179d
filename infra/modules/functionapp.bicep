// The production host: LinX.Functions (.NET isolated worker + Durable Functions) on a Flex Consumption
// (FC1) plan. Every connection uses the user-assigned identity; secrets come from Key Vault references.
// Flex Consumption manages FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION itself (setting them
// is an error): the runtime is functionAppConfig.runtime below.

param name string
param planName string
param location string
param tags object

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Name of the storage account (AzureWebJobsStorage, task hub, LinX tables).')
param storageAccountName string

@description('Blob container URL that Flex Consumption deploys the app package from.')
param deploymentContainerUrl string

param applicationInsightsConnectionString string

@description('.NET version of the isolated worker.')
param dotnetVersion string

param maximumInstanceCount int
param instanceMemoryMB int

@description('Durable task hub name (LINX_TASKHUB).')
param taskHubName string

@description('Prefix of LinX table names.')
param tablePrefix string

@description('Base URL of customer links; empty: the app\'s own https URL.')
param publicBaseUrl string

param dataKeySecretUri string
param linkKeySecretUri string
param fingerprintKeySecretUri string

@description('ACS endpoint, https://<name>.communication.azure.com (LinX:Sms:Acs:Endpoint); the app authenticates with its identity.')
param acsEndpoint string

@description('SMS sender bought on that resource (LinX:Sms:Acs:From); empty until one is, and the host refuses to start without it.')
param acsSenderNumber string

@description('SHA-256 hex of the admin keys, comma-separated; empty closes the admin API.')
param adminKeyHashes string

@description('LinX:InboundSms:SecretHashes: SHA-256 hex of the Event Grid delivery secrets.')
param inboundSmsHashes string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd finds the app to deploy service `api` to by this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve as this identity (the default would be a system-assigned one).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

// Publishing goes through the deployment container with Entra ID; no basic-auth publishing credentials.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

// A separate resource so the settings can use the app's own host name.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Host storage (triggers, Durable task hub, leases) over the managed identity.
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // DefaultAzureCredential in the worker (LinX tables, ACS SMS) picks the user-assigned identity by this.
    AZURE_CLIENT_ID: identityClientId
    LINX_TASKHUB: taskHubName
    LinX__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${app.properties.defaultHostName}' : publicBaseUrl
    LinX__Security__DataKey: '@Microsoft.KeyVault(SecretUri=${dataKeySecretUri})'
    LinX__Security__LinkKey: '@Microsoft.KeyVault(SecretUri=${linkKeySecretUri})'
    LinX__Security__FingerprintKey: '@Microsoft.KeyVault(SecretUri=${fingerprintKeySecretUri})'
    LinX__Storage__TableServiceUri: storage.properties.primaryEndpoints.table
    LinX__Storage__TablePrefix: tablePrefix
    // SMS through ACS with Microsoft Entra ID (no LinX__Sms__Acs__AccessKey: no secret to keep).
    LinX__Sms__Provider: 'Acs'
    LinX__Sms__Acs__Endpoint: acsEndpoint
    LinX__Sms__Acs__From: acsSenderNumber
    LinX__Admin__ApiKeyHashes: adminKeyHashes
    LinX__InboundSms__SecretHashes: inboundSmsHashes
  }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
