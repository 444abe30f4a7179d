using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace LinX.Bench.Harness;

/// <summary>What driving one workflow observed.</summary>
public sealed record DriveResult(string Status, IReadOnlyList<double> StepLatenciesMs, int Views, int Submissions);

/// <summary>
/// A scripted customer (and business, for cancel) that reads the Gateway view, submits the current step when it
/// is ACTIVE, and keeps going until the workflow ends. It tolerates a dead host (transport errors are retried until
/// the deadline) and lost answers (a submission without a 202 is posted again; a stale one answers 409), so that
/// the same driver runs benchmarks and the crash suite.
/// </summary>
public sealed class CustomerDriver(LinxHttp api, TimeSpan pollInterval, TimeSpan deadline)
{
    private static readonly object NewProfile = new
    {
        firstName = "Jane",
        lastName = "Roe",
        email = "jane.roe@example.com",
        dateOfBirth = "1990-04-01",
        address = new { streetLine1 = "1 Main Street", city = "Toronto", stateCode = "ON", postalCode = "M5V 2T6", countryCode = "CA" },
    };

    private static readonly object NewCard = new { cardNumber = "4111111111111111", expiry = "2031-08", nameOnCard = "Jane Roe", cvc = "123", postalCode = "M5V 2T6" };

    private static readonly TimeSpan ResubmitAfter = TimeSpan.FromSeconds(20);

    /// <summary>The valid body of a step submission.</summary>
    public static object BodyOf(string step) => step switch
    {
        "customer-account" => NewProfile,
        "financial-account" => NewCard,
        "move-money" => new { accept = true },
        _ => new { confirm = true },
    };

    public async Task<DriveResult> RunAsync(string workflowId, string token, WorkflowScript script, CancellationToken cancellationToken = default)
    {
        var until = Stopwatch.GetTimestamp() + (long)(deadline.TotalSeconds * Stopwatch.Frequency);
        var submittedAt = new Dictionary<string, long>(StringComparer.Ordinal);
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var latencies = new List<double>();
        var views = 0;
        var submissions = 0;
        var cancelSent = false;

        while (Stopwatch.GetTimestamp() < until)
        {
            try
            {
                views++;
                if (await api.ViewAsync(token, cancellationToken) is not { } view)
                {
                    // The link is dead once the workflow ended (or not readable yet): the business API says which.
                    var status = (await api.WorkflowAsync(workflowId, cancellationToken)).GetProperty("status").GetString()!;
                    if (IsFinal(status))
                    {
                        return new DriveResult(status, latencies, views, submissions);
                    }
                }
                else
                {
                    var status = view.GetProperty("status").GetString()!;
                    RecordCompleted(view, submittedAt, done, latencies);
                    if (IsFinal(status))
                    {
                        return new DriveResult(status, latencies, views, submissions);
                    }

                    if (Current(view) is { } step && step.Status == "ACTIVE")
                    {
                        if (script.Ending == ScriptEnding.Cancel)
                        {
                            if (!cancelSent)
                            {
                                cancelSent = await api.CommandAsync(workflowId, "cancel", cancellationToken) is HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.NoContent;
                            }
                        }
                        else if (!accepted.Contains(step.Name) || Elapsed(submittedAt[step.Name]) > ResubmitAfter)
                        {
                            var decline = !script.Submitted.Contains(step.Name);
                            submittedAt[step.Name] = Stopwatch.GetTimestamp();
                            submissions++;
                            var code = await api.SubmitAsync(token, decline ? null : step.Name, decline ? new { reason = "NOT_INTERESTED" } : BodyOf(step.Name), cancellationToken);
                            if (code == HttpStatusCode.Accepted)
                            {
                                accepted.Add(step.Name);
                            }

                            continue;
                        }
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or SocketException)
            {
                // The host is down (killed); keep trying until the deadline. A connect that races the host's death can
                // surface as a bare SocketException ("Transport endpoint is not connected") instead of HttpRequestException.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A request timed out while the host was restarting.
            }

            await Task.Delay(pollInterval, cancellationToken);
        }

        throw new TimeoutException($"Workflow {workflowId} (seed {script.Seed}, {script.Ending}) did not end within {deadline.TotalSeconds:0} s.");
    }

    private static bool IsFinal(string status) => status is "COMPLETED" or "DECLINED" or "EXPIRED" or "CANCELLED" or "FAILED";

    private static TimeSpan Elapsed(long since) => Stopwatch.GetElapsedTime(since);

    private static (string Name, string Status)? Current(JsonElement view)
    {
        var index = view.GetProperty("currentStep").GetInt32();
        var steps = view.GetProperty("steps");
        return index >= 0 && index < steps.GetArrayLength()
            ? (steps[index].GetProperty("name").GetString()!, steps[index].GetProperty("status").GetString()!)
            : null;
    }

    private static void RecordCompleted(JsonElement view, Dictionary<string, long> submittedAt, HashSet<string> done, List<double> latencies)
    {
        foreach (var step in view.GetProperty("steps").EnumerateArray())
        {
            var name = step.GetProperty("name").GetString()!;
            if (step.GetProperty("status").GetString() == "COMPLETED" && submittedAt.TryGetValue(name, out var at) && done.Add(name))
            {
                latencies.Add(Elapsed(at).TotalMilliseconds);
            }
        }
    }
}
