using LinX.Core.Batches;
using LinX.Core.Orchestration;
using LinX.Core.Webhooks;
using LinX.Core.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Core.Activities;

/// <summary>One activity: its name, input and output types, implementation, and a way to run it from a host.</summary>
public sealed record ActivityDescriptor(string Name, Type InputType, Type OutputType, Type ImplementationType)
{
    /// <summary>Resolves the implementation from <c>services</c> and runs it on an already deserialized input.</summary>
    public Func<IServiceProvider, object, CancellationToken, Task<object?>> Invoke { get; init; } = (_, _, _) => Task.FromResult<object?>(null);
}

/// <summary>Every activity of LinX, for hosts to register by name (the Functions host, the Durable Task worker of LinX.Local).</summary>
public static class ActivityCatalog
{
    public static IReadOnlyList<ActivityDescriptor> All { get; } =
    [
        Describe<SendNotificationActivity, SendNotificationInput, SendNotificationOutput>(ActivityNames.SendNotification),
        Describe<CreateCustomerAccountActivity, CreateCustomerAccountInput, StepActivityOutput>(ActivityNames.CreateCustomerAccount),
        Describe<LookupProfileActivity, LookupInput, StepActivityOutput>(ActivityNames.LookupProfile),
        Describe<EnhanceProfileActivity, EnhanceProfileInput, StepActivityOutput>(ActivityNames.EnhanceProfile),
        Describe<AcceptDocumentsActivity, AcceptDocumentsInput, StepActivityOutput>(ActivityNames.AcceptDocuments),
        Describe<CreateFinancialAccountActivity, CreateFinancialAccountInput, StepActivityOutput>(ActivityNames.CreateFinancialAccount),
        Describe<LookupFinancialAccountActivity, LookupInput, StepActivityOutput>(ActivityNames.LookupFinancialAccount),
        Describe<MoveMoneyActivity, MoveMoneyInput, TransactionOutput>(ActivityNames.MoveMoney),
        Describe<SettleTransactionActivity, SettleTransactionInput, TransactionOutput>(ActivityNames.SettleTransaction),
        Describe<UpdateWorkflowStatusActivity, WorkflowStatusUpdate, bool>(ActivityNames.UpdateWorkflowStatus),
        Describe<RunBatchChunkActivity, BatchChunkInput, BatchChunkResult>(ActivityNames.RunBatchChunk),
        Describe<LoadPendingWebhooksActivity, PendingWebhooksInput, PendingWebhooksOutput>(WebhookActivityNames.LoadPendingWebhooks),
        Describe<DeliverWebhookActivity, DeliverWebhookInput, DeliverWebhookOutput>(WebhookActivityNames.DeliverWebhook),
        Describe<FailWebhookDeliveryActivity, FailWebhookDeliveryInput, bool>(WebhookActivityNames.FailWebhookDelivery),
    ];

    /// <summary>The activity registered under <c>name</c> (ordinal), or null.</summary>
    public static ActivityDescriptor? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    private static ActivityDescriptor Describe<TActivity, TInput, TOutput>(string name)
        where TActivity : class, IActivity<TInput, TOutput>
        where TInput : notnull =>
        new(name, typeof(TInput), typeof(TOutput), typeof(TActivity))
        {
            Invoke = async (services, input, ct) =>
                await services.GetRequiredService<TActivity>().RunAsync((TInput)input, ct),
        };
}
