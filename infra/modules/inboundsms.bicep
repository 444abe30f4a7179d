// ACS's inbound SMS to LinX: an Event Grid system topic on the ACS resource and a webhook subscription of its
// Microsoft.Communication.SMSReceived events to the function app, with the shared secret as a delivery header
// (Event Grid does not sign deliveries; the app keeps only the secret's SHA-256). ADR 0015.

@description('Name of the ACS resource whose events are delivered.')
param communicationName string

@description('Tags of the system topic.')
param tags object

@description('https://<function app>/api/events/acs/sms-received (secure only because Event Grid treats endpoint URLs as such).')
@secure()
param endpointUrl string

@description('The delivery secret, sent in X-LinX-Event-Secret (LinX:InboundSms:SecretHashes holds its SHA-256).')
@secure()
param secret string

resource communication 'Microsoft.Communication/communicationServices@2023-04-01' existing = {
  name: communicationName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: 'evgt-${communicationName}'
  location: 'global'
  tags: tags
  properties: {
    source: communication.id
    topicType: 'Microsoft.Communication.CommunicationServices'
  }
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: topic
  name: 'linx-sms-received'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: ['Microsoft.Communication.SMSReceived']
    }
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: endpointUrl
        deliveryAttributeMappings: [
          {
            name: 'X-LinX-Event-Secret'
            type: 'Static'
            properties: {
              value: secret
              isSecret: true
            }
          }
        ]
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}
