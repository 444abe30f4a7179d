// Azure Communication Services for the customer SMS. Phone numbers cannot be bought with Bicep: buy one
// on this resource once (portal or `az communication phonenumber purchase`), then set ACS_SENDER_NUMBER
// and provision again. The app authenticates with its managed identity (no access key in settings).

param name string
param tags object

@description('Where ACS keeps its data at rest, e.g. United States, Canada, Europe.')
param dataLocation string

@description('Principal id of the identity that sends SMS.')
param senderPrincipalId string

// ACS has no narrower built-in data role for SMS; its Entra ID guide grants Contributor, here scoped to
// this one resource only.
var contributor = 'b24988ac-6180-42a0-ab88-20f7382dd24c'

resource communication 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: name
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource senderRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communication.id, senderPrincipalId, contributor)
  scope: communication
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', contributor)
    principalId: senderPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = communication.name
output endpoint string = 'https://${communication.properties.hostName}'
