// The one identity the function app uses for everything: storage, Key Vault, ACS, Application Insights.
// User-assigned, so role assignments exist before the app starts and survive an app re-create.

@description('Name of the user-assigned managed identity.')
param name string

param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
