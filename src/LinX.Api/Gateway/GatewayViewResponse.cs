using LinX.Core.Gateway;
using LinX.Core.Workflows;

namespace LinX.Api.Gateway;

/// <summary>The JSON of <c>GET /api/gateway/{token}</c>: the service's view plus whether the passcode was entered.</summary>
public sealed record GatewayViewResponse(
    Guid WorkflowId,
    string Title,
    string BusinessName,
    string? IntroductoryMessage,
    string? CustomerMemo,
    WorkflowStatus Status,
    int CurrentStep,
    bool PasscodeRequired,
    bool PasscodeVerified,
    bool Locked,
    DateTimeOffset ExpireAt,
    IReadOnlyList<GatewayStepView> Steps,
    GatewayCurrentStep? Current)
{
    public static GatewayViewResponse From(GatewayView view, bool passcodeVerified) => new(
        view.WorkflowId, view.Title, view.BusinessName, view.IntroductoryMessage, view.CustomerMemo, view.Status, view.CurrentStep,
        view.PasscodeRequired, !view.PasscodeRequired || passcodeVerified, view.Locked, view.ExpireAt, view.Steps, view.Current);
}
