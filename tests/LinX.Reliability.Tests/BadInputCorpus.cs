using System.Text;
using System.Text.Json.Nodes;
using LinX.Bench.Harness;

namespace LinX.Reliability.Tests;

/// <summary>
/// Generates the bad-input corpus from the seed examples and the valid Gateway bodies: wrong types, missing and extra
/// fields, huge strings, deep nesting, invalid UTF-8, control characters, keys with / \ # ?, numbers out of range,
/// duplicated keys, truncations; valid bodies under a blank Idempotency-Key or two keys joined into one header. Every
/// request is invalid by the contract, so every answer must be a 4xx. (Framing and media-type attacks, which this
/// request model cannot express, are raw-socket tests in LinX.Local.Tests' HttpInputAttackTests.)
/// Deterministic (fixed seed) so that a failure names a request that can be replayed.
/// </summary>
public static class BadInputCorpus
{
    private const string CreatePath = "/api/linx/workflows";

    // Required parameters: removing any of them makes the request invalid (optional ones have defaults).
    private static readonly HashSet<string> RequiredParameters = new(StringComparer.Ordinal)
    {
        "channel", "phoneNumber", "customerId", "financialAccountSubType", "customerFinancialAccountId", "transactionType",
        "solution", "baFinancialAccountId", "currency", "amount", "paymentReasonId",
    };

    // Free text accepts / \\ # ? (only keys must not hold them); it still refuses control and bidi characters.
    private static readonly HashSet<string> FreeText = new(StringComparer.Ordinal)
    {
        "title", "introductoryMessage", "customerMemo", "description", "memo", "firstName", "lastName", "streetLine1", "streetLine2", "city", "nameOnCard",
    };

    private static readonly string[] BadKeys = ["a/b", "a\\b", "a#b", "a?b", "../..", "%2F", "x\u0001y", "\u202Etitle"];

    private static readonly string[] Controls = ["\u0000", "\u0007", "\u001b[31m", "\r\n", "\u202E", "\u0085", "\uFEFF\u0000"];

    private static readonly string[] OutOfRange = ["0", "-1", "1e400", "-1e400", "99999999999999999999999999999", "1e-7", "0.001", "-0"];

    /// <summary>Mutations of the four seed examples, for <c>POST /api/linx/workflows</c>.</summary>
    public static IEnumerable<BadRequest> Creates()
    {
        // First, within any rate limit's burst. Valid bodies, invalid for the key alone: a blank header (the server
        // reads spaces as empty) once passed as "no key", and a second create made a second workflow.
        for (var seed = 1; seed <= 4; seed++)
        {
            var valid = Encoding.UTF8.GetBytes(Seeds.Json(seed));
            yield return new BadRequest($"seed{seed}/key-blank", CreatePath, valid, "      ");
            yield return new BadRequest($"seed{seed}/key-joined", CreatePath, valid, $"idem-{seed}-first-123456, idem-{seed}-second-123456");
        }

        for (var seed = 1; seed <= 4; seed++)
        {
            var json = Seeds.Json(seed);
            foreach (var request in Mutations($"seed{seed}", JsonNode.Parse(json)!.AsObject(), CreateIsInvalidWithout, CreatePath))
            {
                yield return request;
            }

            foreach (var request in Truncations($"seed{seed}", json, CreatePath, step: 3))
            {
                yield return request;
            }

            var body = Encoding.UTF8.GetBytes(json);
            yield return new BadRequest($"seed{seed}/key-short", CreatePath, Mutate(json, "title", JsonValue.Create("Bad key")), "abc");
            yield return new BadRequest($"seed{seed}/key-long", CreatePath, Mutate(json, "title", JsonValue.Create("Bad key")), new string('k', 256));
            foreach (var key in BadKeys.Where(k => k.All(c => c >= 0x20 && c < 0x7f)))
            {
                // A key with / \ # ? on a body that is invalid: rejected for the body, and the key never becomes a row key.
                yield return new BadRequest($"seed{seed}/key-chars-{key}", CreatePath, Mutate(json, "title", JsonValue.Create(string.Empty)), "idem-" + key + "-123456");
            }

            yield return new BadRequest($"seed{seed}/duplicate-title", CreatePath, Encoding.UTF8.GetBytes(json.Replace("\"title\":", "\"title\": \"dup\", \"title\":", StringComparison.Ordinal)));
            yield return new BadRequest($"seed{seed}/duplicate-steps", CreatePath, Encoding.UTF8.GetBytes(json.Replace("\"steps\":", "\"steps\": [], \"steps\":", StringComparison.Ordinal)));
            yield return new BadRequest($"seed{seed}/invalid-utf8-head", CreatePath, [0xC3, 0x28, .. body]);
            yield return new BadRequest($"seed{seed}/bom-then-garbage", CreatePath, [0xEF, 0xBB, 0xBF, 0xFF, 0xFE, .. body]);
        }

        foreach (var raw in new[] { string.Empty, " ", "null", "[]", "\"x\"", "1", "{", "}", "{}", "{\"title\":}", "[{}]", "true" })
        {
            yield return new BadRequest($"raw/{Escape(raw)}", CreatePath, Encoding.UTF8.GetBytes(raw));
        }

        yield return new BadRequest("raw/deep-array", CreatePath, Encoding.UTF8.GetBytes("{\"title\":" + new string('[', 5000) + new string(']', 5000) + "}"));
        yield return new BadRequest("raw/deep-object", CreatePath, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3000)));
        yield return new BadRequest("raw/huge-body", CreatePath, Encoding.UTF8.GetBytes("{\"title\":\"" + new string('x', 2_000_000) + "\"}"));
    }

    /// <summary>Bad customer submissions and paths for the Gateway endpoints of a workflow whose current step is customer-account.</summary>
    public static IEnumerable<BadRequest> Gateway()
    {
        var profile = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(CustomerDriver.BodyOf("customer-account")))!.AsObject();
        var card = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(CustomerDriver.BodyOf("financial-account")))!.AsObject();
        const string Step = "/api/gateway/{token}/steps/customer-account";
        foreach (var request in Mutations("profile", profile, (_, path) => path != "address.streetLine2", Step, extraFieldsInvalid: false))
        {
            yield return request;
        }

        foreach (var request in Truncations("profile", profile.ToJsonString(), Step, step: 2))
        {
            yield return request;
        }

        foreach (var (name, value) in new (string, string)[]
        {
            ("dob-month-13", "1990-13-01"), ("dob-future", "2999-01-01"), ("dob-format", "01/04/1990"), ("dob-too-old", "1800-01-01"), ("dob-empty", string.Empty),
        })
        {
            yield return new BadRequest($"profile/{name}", Step, Mutate(profile.ToJsonString(), "dateOfBirth", JsonValue.Create(value)));
        }

        // A card for the customer-account step, and card mutations on the wrong step: both rejected before any write.
        foreach (var request in Mutations("card-on-profile-step", card, (_, _) => true, Step, extraFieldsInvalid: false).Take(30))
        {
            yield return request;
        }

        foreach (var step in new[] { "financial-account", "move-money", "lookup-profile", "notification", "unknown", "CUSTOMER-ACCOUNT", "customer-account%2F..", "customer-account%23x", "customer-account%3Fx", "%5C" })
        {
            yield return new BadRequest($"step-path/{step}", "/api/gateway/{token}/steps/" + step, Encoding.UTF8.GetBytes(profile.ToJsonString()));
        }

        foreach (var token in new[] { "x", "%2F", "a%5Cb", "a%23b", "a%3Fb", new string('a', 43), new string('a', 5000), "%00", "..%2F..%2Fapi" })
        {
            yield return new BadRequest($"token-path/{Escape(token)}", $"/api/gateway/{token}/steps/customer-account", Encoding.UTF8.GetBytes(profile.ToJsonString()));
            yield return new BadRequest($"token-decline/{Escape(token)}", $"/api/gateway/{token}/decline", Encoding.UTF8.GetBytes("{\"reason\":\"OTHER\"}"));
        }

        var n = 0;
        foreach (var body in new[]
        {
            "{}", "{\"reason\":\"MAYBE\"}", "{\"reason\":1}", "{\"reason\":null}", "{\"reason\":\"OTHER\",\"comment\":\"" + new string('c', 5000) + "\"}",
            "{\"reason\":\"OTHER\",\"comment\":\"\\u0000\"}", "{\"reason\":\"OTHER\",\"reason\":\"OTHER\"}", "[", "\"OTHER\"",
        })
        {
            yield return new BadRequest($"decline/{n++}-{Escape(body)}", "/api/gateway/{token}/decline", Encoding.UTF8.GetBytes(body));
        }

        foreach (var body in new[] { "{}", "{\"passcode\":\"12345\"}", "{\"passcode\":123456}", "{\"passcode\":\"abcdef\"}", "{\"passcode\":\"123456\",\"passcode\":\"1\"}", "[", "{\"passcode\":\"" + new string('1', 10000) + "\"}" })
        {
            yield return new BadRequest($"passcode/{n++}-{Escape(body)}", "/api/gateway/{token}/passcode", Encoding.UTF8.GetBytes(body));
        }
    }

    /// <summary>Whether removing a property at <paramref name="path"/> of a create request makes it invalid.</summary>
    private static bool CreateIsInvalidWithout(JsonObject root, string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        return path switch
        {
            "title" or "steps" or "parameters" => true,
            _ when path.StartsWith("parameters.", StringComparison.Ordinal) => RequiredParameters.Contains(name)
                || (name == "priority" && root["parameters"]?["solution"]?.GetValue<string>() is "ach" or "wire")
                || (name == "description" && root["parameters"]?["solution"]?.GetValue<string>() == "wire"),
            _ when path.EndsWith(".name", StringComparison.Ordinal) => true,
            _ => false,
        };
    }

    private static IEnumerable<BadRequest> Mutations(string prefix, JsonObject root, Func<JsonObject, string, bool> invalidWithout, string path, bool extraFieldsInvalid = true)
    {
        var text = root.ToJsonString();
        foreach (var (leafPath, value) in Leaves(root, string.Empty))
        {
            var n = $"{prefix}/{leafPath}";
            foreach (var (kind, replacement) in new (string, JsonNode)[] { ("bool", JsonValue.Create(true)), ("array", new JsonArray(1)), ("object", new JsonObject { ["x"] = 1 }) })
            {
                if (value?.GetValueKind() != replacement.GetValueKind())
                {
                    yield return new BadRequest($"{n}/type-{kind}", path, Mutate(text, leafPath, replacement));
                }
            }

            if (invalidWithout(root, leafPath))
            {
                yield return new BadRequest($"{n}/missing", path, Mutate(text, leafPath, null));
            }

            yield return new BadRequest($"{n}/deep", path, Mutate(text, leafPath, Deep(200)));
            if (value?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                yield return new BadRequest($"{n}/huge", path, Mutate(text, leafPath, JsonValue.Create(new string('x', 70_000))));
                yield return new BadRequest($"{n}/long", path, Mutate(text, leafPath, JsonValue.Create(new string('x', 600))));
                for (var i = 0; i < Controls.Length; i++)
                {
                    yield return new BadRequest($"{n}/control-{i}", path, Mutate(text, leafPath, JsonValue.Create("ok" + Controls[i] + value.GetValue<string>())));
                }

                yield return new BadRequest($"{n}/invalid-utf8", path, InvalidUtf8(text, value.GetValue<string>()));
                foreach (var bad in FreeText.Contains(leafPath[(leafPath.LastIndexOf('.') + 1)..]) ? BadKeys.Where(k => k.Any(char.IsControl) || k.Contains('\u202E', StringComparison.Ordinal)) : BadKeys)
                {
                    yield return new BadRequest($"{n}/chars-{Escape(bad)}", path, Mutate(text, leafPath, JsonValue.Create(bad)));
                }
            }
            else if (value?.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            {
                foreach (var number in OutOfRange)
                {
                    yield return new BadRequest($"{n}/range-{number}", path, Encoding.UTF8.GetBytes(ReplaceNumber(text, leafPath, number)));
                }
            }
        }

        // Extra fields: at the top, in the parameters, in a step; and keys with / \ # ? and control characters.
        // (The create contract refuses unknown fields; a Gateway form ignores them, which writes nothing of them.)
        foreach (var key in extraFieldsInvalid ? BadKeys.Append("extra") : [])
        {
            var extra = JsonNode.Parse(text)!.AsObject();
            extra[key] = "x";
            yield return new BadRequest($"{prefix}/extra-top-{Escape(key)}", path, Encoding.UTF8.GetBytes(extra.ToJsonString()));
            if (extra["parameters"] is JsonObject parameters)
            {
                extra.Remove(key);
                parameters[key] = "x";
                yield return new BadRequest($"{prefix}/extra-parameter-{Escape(key)}", path, Encoding.UTF8.GetBytes(extra.ToJsonString()));
            }

            if (extra["steps"] is JsonArray { Count: > 0 } steps && steps[0] is JsonObject first)
            {
                (extra["parameters"] as JsonObject)?.Remove(key);
                first[key] = 1;
                yield return new BadRequest($"{prefix}/extra-step-{Escape(key)}", path, Encoding.UTF8.GetBytes(extra.ToJsonString()));
            }
        }
    }

    private static IEnumerable<BadRequest> Truncations(string prefix, string json, string path, int step)
    {
        var compact = JsonNode.Parse(json)!.ToJsonString();
        for (var length = 1; length < compact.Length - 1; length += step)
        {
            yield return new BadRequest($"{prefix}/truncated-{length}", path, Encoding.UTF8.GetBytes(compact[..length]));
        }
    }

    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    var p = path.Length == 0 ? key : $"{path}.{key}";
                    if (child is JsonObject or JsonArray)
                    {
                        yield return (p, child);
                        foreach (var leaf in Leaves(child, p))
                        {
                            yield return leaf;
                        }
                    }
                    else
                    {
                        yield return (p, child);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var leaf in Leaves(a[i]!, $"{path}[{i}]"))
                    {
                        yield return leaf;
                    }
                }

                break;
        }
    }

    /// <summary>The JSON with the node at a dotted path (with [i] for array items) replaced, or removed when null.</summary>
    private static byte[] Mutate(string json, string path, JsonNode? replacement)
    {
        var root = JsonNode.Parse(json)!;
        var (parent, key, index) = Locate(root, path);
        if (index is { } i)
        {
            if (replacement is null)
            {
                parent.AsArray().RemoveAt(i);
            }
            else
            {
                parent.AsArray()[i] = replacement.DeepClone();
            }
        }
        else if (replacement is null)
        {
            parent.AsObject().Remove(key!);
        }
        else
        {
            parent.AsObject()[key!] = replacement.DeepClone();
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static string ReplaceNumber(string json, string path, string number)
    {
        const string Marker = "__NUMBER_MARKER__";
        var marked = Encoding.UTF8.GetString(Mutate(json, path, JsonValue.Create(Marker)));
        return marked.Replace($"\"{Marker}\"", number, StringComparison.Ordinal);
    }

    private static (JsonNode Parent, string? Key, int? Index) Locate(JsonNode root, string path)
    {
        var parts = System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value).ToList();
        var node = root;
        for (var i = 0; i < parts.Count - 1; i++)
        {
            node = parts[i].StartsWith('[') ? node[int.Parse(parts[i][1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[parts[i]]!;
        }

        var last = parts[^1];
        return last.StartsWith('[') ? (node, null, int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)) : (node, last, null);
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return node;
    }

    private static byte[] InvalidUtf8(string json, string value)
    {
        var compact = JsonNode.Parse(json)!.ToJsonString();
        var at = compact.IndexOf(System.Text.Json.JsonSerializer.Serialize(value), StringComparison.Ordinal) + 1;
        var bytes = Encoding.UTF8.GetBytes(compact);
        var offset = Encoding.UTF8.GetByteCount(compact[..Math.Max(at, 1)]);
        return [.. bytes[..offset], 0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80, .. bytes[offset..]];
    }

    private static string Escape(string s) => new([.. s.Take(24).Select(c => char.IsLetterOrDigit(c) ? c : '_')]);
}
