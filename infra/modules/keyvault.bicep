// Key Vault (RBAC) holding LinX's three symmetric keys. The app reads them through Key Vault references in
// its app settings, as its user-assigned identity (Key Vault Secrets User): no secret is in an app setting.

param name string
param location string
param tags object

@description('Principal id of the identity that reads the secrets.')
param readerPrincipalId string

@description('Turn on purge protection (recommended in production; it cannot be turned off again, and it keeps `azd down --purge` from purging the vault).')
param enablePurgeProtection bool = false

@secure()
@description('LinX:Security:DataKey: base64 of 32 bytes (AES-256-GCM for personal data at rest).')
param dataKey string

@secure()
@description('LinX:Security:LinkKey: base64 of 32 bytes (HMAC-SHA256 deriving customer link tokens).')
param linkKey string

@secure()
@description('LinX:Security:FingerprintKey: base64 of 32 bytes (HMAC-SHA256 fingerprints of card and account numbers).')
param fingerprintKey string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    // Null leaves it off; the service rejects an explicit false.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource dataKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'linx-data-key'
  properties: {
    value: dataKey
    contentType: 'base64'
  }
}

resource linkKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'linx-link-key'
  properties: {
    value: linkKey
    contentType: 'base64'
  }
}

resource fingerprintKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'linx-fingerprint-key'
  properties: {
    value: fingerprintKey
    contentType: 'base64'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
// Versionless URIs: a Key Vault reference without a version follows the latest secret version.
output dataKeySecretUri string = dataKeySecret.properties.secretUri
output linkKeySecretUri string = linkKeySecret.properties.secretUri
output fingerprintKeySecretUri string = fingerprintKeySecret.properties.secretUri
