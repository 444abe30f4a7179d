// LinX on Azure, for `azd up`: a resource group holding the Flex Consumption function app (LinX.Functions,
// Durable Functions on Azure Storage), its storage account (shared keys off), a user-assigned identity with
// the data roles it needs, Key Vault for LinX's keys, Azure Communication Services for SMS, and
// Application Insights on Log Analytics. Built-in resource types only (no registry modules), so
// `bicep build` works offline; see infra/validate.sh.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name: names the resource group, seeds resource names, tags every resource.')
param environmentName string

@minLength(1)
@description('Region of every regional resource; it must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; default rg-<environmentName>.')
param resourceGroupName string = ''

@description('SMS sender: an E.164 number (or short code) bought on the ACS resource. Empty on the first provision, before one is bought.')
param acsSenderNumber string = ''

@description('Where ACS keeps its data at rest.')
param acsDataLocation string = 'United States'

@description('Base URL of the customer links in SMS (a custom domain in production); empty: the function app\'s own https URL.')
param publicBaseUrl string = ''

@description('Durable task hub name (letters and digits, 3-45, starts with a letter).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'linxhub'

@description('Prefix of LinX table names (letters and digits).')
param tablePrefix string = 'LinX'

@description('.NET version of the isolated worker on Flex Consumption.')
param dotnetVersion string = '10.0'

@description('Upper bound of Flex Consumption instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per Flex Consumption instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('LinX:Admin:ApiKeyHashes: SHA-256 hex of the admin keys, comma-separated (empty: the admin API answers 401 to everyone). Hashes, not keys: not secret.')
param adminKeyHashes string = ''

@description('LinX:InboundSms:SecretHashes: SHA-256 hex of the Event Grid delivery secrets, comma-separated (empty: inbound SMS answer 401). Not secret.')
param inboundSmsHashes string = ''

@description('The Event Grid delivery secret itself, for the SMSReceived subscription. Empty: no subscription (set it after the first deploy: Event Grid validates the endpoint when subscribing).')
@secure()
param inboundSmsSecret string = ''

@description('Key Vault purge protection (recommended in production; irreversible).')
param enableKeyVaultPurgeProtection bool = false

// The three keys are stored in Key Vault as base64 of the 32 UTF-8 bytes of these values. azd generates
// each once per environment (32 random letters and digits, about 190 bits) and keeps it in the
// environment's config, so re-provisioning never rotates a key (which would make stored data unreadable).
@secure()
@minLength(32)
@maxLength(32)
@description('Seed of LinX:Security:DataKey (exactly 32 ASCII characters).')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 32
      noSpecial: true
    }
  }
})
param dataKeySeed string

@secure()
@minLength(32)
@maxLength(32)
@description('Seed of LinX:Security:LinkKey (exactly 32 ASCII characters).')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 32
      noSpecial: true
    }
  }
})
param linkKeySeed string

@secure()
@minLength(32)
@maxLength(32)
@description('Seed of LinX:Security:FingerprintKey (exactly 32 ASCII characters).')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 32
      noSpecial: true
    }
  }
})
param fingerprintKeySeed string

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'linx'
}
var functionAppName = 'func-linx-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-linx-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-linx-${resourceToken}'
    applicationInsightsName: 'appi-linx-${resourceToken}'
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stlinx${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'deployment-package'
    appPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-linx-${resourceToken}'
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    enablePurgeProtection: enableKeyVaultPurgeProtection
    dataKey: base64(dataKeySeed)
    linkKey: base64(linkKeySeed)
    fingerprintKey: base64(fingerprintKeySeed)
  }
}

module communication 'modules/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    name: 'acs-linx-${resourceToken}'
    tags: tags
    dataLocation: acsDataLocation
    senderPrincipalId: identity.outputs.principalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-linx-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    dotnetVersion: dotnetVersion
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    taskHubName: taskHubName
    tablePrefix: tablePrefix
    publicBaseUrl: publicBaseUrl
    dataKeySecretUri: keyVault.outputs.dataKeySecretUri
    linkKeySecretUri: keyVault.outputs.linkKeySecretUri
    fingerprintKeySecretUri: keyVault.outputs.fingerprintKeySecretUri
    acsEndpoint: communication.outputs.endpoint
    acsSenderNumber: acsSenderNumber
    adminKeyHashes: adminKeyHashes
    inboundSmsHashes: inboundSmsHashes
  }
}

module inboundSms 'modules/inboundsms.bicep' = if (!empty(inboundSmsSecret)) {
  name: 'inboundsms'
  scope: rg
  params: {
    communicationName: communication.outputs.name
    tags: tags
    endpointUrl: '${functionApp.outputs.uri}/api/events/acs/sms-received'
    secret: inboundSmsSecret
  }
}

// azd stores these in the environment (.azure/<env>/.env); none is a secret.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_COMMUNICATION_SERVICES_NAME string = communication.outputs.name
output AZURE_COMMUNICATION_SERVICES_ENDPOINT string = communication.outputs.endpoint
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
output LINX_TASKHUB string = taskHubName
