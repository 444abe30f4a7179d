namespace LinX.Core.Gateway;

/// <summary>
/// The customer side, by link token. Unknown or malformed tokens are <see cref="ServiceOutcome.NotFound"/>; the
/// token is never logged. Submissions are validated (and card/bank details tokenized) before the event is raised.
/// </summary>
public sealed partial class GatewayService
{
    /// <summary>The view; when a passcode is required and <paramref name="passcodeProof"/> is not valid, step data is withheld.</summary>
    public Task<ServiceResult<GatewayView>> GetViewAsync(string token, string? passcodeProof, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Checks the passcode; Ok with a proof for an HttpOnly cookie, Invalid when wrong, Locked after too many tries.</summary>
    public Task<ServiceResult<string>> VerifyPasscodeAsync(string token, string passcode, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Validates the step's body (all field errors), then raises the submission: Accepted, Invalid, Conflict, Forbidden or NotFound.</summary>
    public Task<ServiceResult<GatewayAccepted>> SubmitStepAsync(
        string token, string stepName, ReadOnlyMemory<byte> body, string? passcodeProof, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Declines the workflow: body <c>{ "reason": ..., "comment"? }</c>.</summary>
    public Task<ServiceResult<GatewayAccepted>> DeclineAsync(
        string token, ReadOnlyMemory<byte> body, string? passcodeProof, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
