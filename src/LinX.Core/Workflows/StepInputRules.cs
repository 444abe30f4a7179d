using System.Text.RegularExpressions;

namespace LinX.Core.Workflows;

/// <summary>
/// The <c>inputs.user</c> of the steps that take them (RocketKOR's contract): enhance-profile asks for at least one of
/// personalInfo, address and phoneNumber; document-acceptance names at least one document of the business. Any other
/// step takes no inputs. Every problem is reported, each value once; the typed step when nothing is wrong. Whether the
/// documents exist for the business is checked by the caller, as for customers and accounts.
/// </summary>
internal static partial class StepInputRules
{
    private static readonly string[] ProfileInputs = ["personalInfo", "address", "phoneNumber"];

    /// <summary>The typed step for a step with user inputs (null when they are wrong: reported); null for any other step.</summary>
    public static WorkflowStep? Check(WorkflowRequestStep? step, int index, StepDefinition definition, ValidationErrors errors)
    {
        var inputsPath = JsonPath.StepInputs(index);
        if (!definition.HasUserInputs)
        {
            if (step?.Inputs is not null || errors.IsRejected(inputsPath))
            {
                errors.Add(inputsPath, WorkflowErrorCodes.InputsNotAllowed,
                    $"{definition.Name} takes no inputs: only enhance-profile and document-acceptance do; its parameters go in $.parameters.");
            }

            return null;
        }

        var userPath = JsonPath.StepUserInputs(index);
        if (step?.Inputs?.User is not { } user)
        {
            if (!errors.IsRejected(inputsPath) && !errors.IsRejected(userPath))
            {
                errors.Add(userPath, WorkflowErrorCodes.InputsRequired, definition.Name == StepNames.EnhanceProfile
                    ? "enhance-profile needs inputs.user with what to ask for: personalInfo, address and/or phoneNumber."
                    : "document-acceptance needs inputs.user.documents: the documents to accept.");
            }

            return null;
        }

        return definition.Name == StepNames.EnhanceProfile ? EnhanceProfile(user, userPath, errors) : Documents(user, userPath, errors);
    }

    private static EnhanceProfileStep? EnhanceProfile(WorkflowUserInputs user, string path, ValidationErrors errors)
    {
        var count = errors.Count;
        if (user.Documents is not null || errors.IsRejected(JsonPath.Property(path, "documents")))
        {
            errors.Add(JsonPath.Property(path, "documents"), WorkflowErrorCodes.InputsNotAllowed, "documents belong to the document-acceptance step.");
        }

        var personal = Distinct(user.PersonalInfo, WireValues.PersonalInfo, JsonPath.Property(path, "personalInfo"), errors);
        var addresses = Distinct(user.Address, WireValues.AddressTypes, JsonPath.Property(path, "address"), errors);
        var phones = Distinct(user.PhoneNumber, WireValues.AskedPhoneTypes, JsonPath.Property(path, "phoneNumber"), errors);
        var anyGiven = (user.PersonalInfo?.Count ?? 0) + (user.Address?.Count ?? 0) + (user.PhoneNumber?.Count ?? 0) > 0
            || ProfileInputs.Any(name => errors.IsRejected(JsonPath.Property(path, name)));
        if (!anyGiven)
        {
            errors.Add(path, WorkflowErrorCodes.NothingAsked,
                $"Ask for at least one thing: personalInfo ({WireValues.PersonalInfo.Allowed}), address ({WireValues.AddressTypes.Allowed}) or phoneNumber ({WireValues.AskedPhoneTypes.Allowed}).");
        }

        return errors.Count == count ? new EnhanceProfileStep(personal, addresses, phones) : null;
    }

    private static DocumentAcceptanceStep? Documents(WorkflowUserInputs user, string path, ValidationErrors errors)
    {
        var count = errors.Count;
        foreach (var name in ProfileInputs)
        {
            var inputPath = JsonPath.Property(path, name);
            var asked = name switch { "personalInfo" => user.PersonalInfo, "address" => user.Address, _ => user.PhoneNumber };
            if (asked is not null || errors.IsRejected(inputPath))
            {
                errors.Add(inputPath, WorkflowErrorCodes.InputsNotAllowed, $"{name} belongs to the enhance-profile step.");
            }
        }

        var documentsPath = JsonPath.Property(path, "documents");
        var given = user.Documents ?? [];
        if (given.Count == 0 && !errors.IsRejected(documentsPath))
        {
            errors.Add(documentsPath, WorkflowErrorCodes.DocumentsRequired, "Name at least one document of the business to accept.");
        }
        else if (given.Count > WorkflowLimits.MaxDocuments)
        {
            errors.Add(documentsPath, WorkflowErrorCodes.TooManyDocuments, $"At most {WorkflowLimits.MaxDocuments} documents per step.");
            return null;
        }

        var documents = new List<DocumentReference>();
        for (var i = 0; i < given.Count; i++)
        {
            if (Document(given[i], JsonPath.Item(documentsPath, i), errors) is not { } document)
            {
                continue;
            }

            if (documents.Exists(d => d.DocumentId == document.DocumentId))
            {
                errors.Add(JsonPath.Property(JsonPath.Item(documentsPath, i), "documentId"), WorkflowErrorCodes.DuplicateInput, "This document is listed more than once.");
                continue;
            }

            documents.Add(document);
        }

        return errors.Count == count ? new DocumentAcceptanceStep(documents) : null;
    }

    private static DocumentReference? Document(WorkflowDocumentInput? input, string path, ValidationErrors errors)
    {
        if (input is null)
        {
            return null; // rejected by the reader
        }

        var groupPath = JsonPath.Property(path, "documentGroup");
        var idPath = JsonPath.Property(path, "documentId");
        var group = ValueRules.OneOf(input.DocumentGroup, WireValues.DocumentGroups, groupPath, errors);
        Required(input.DocumentGroup, groupPath, errors);
        Required(input.DocumentId, idPath, errors);
        var idValid = input.DocumentId is { } id && IsDocumentId(id);
        if (input.DocumentId is not null && !idValid)
        {
            errors.Add(idPath, WorkflowErrorCodes.InvalidDocumentId,
                "Must be the id of a document of the business: 1 to 64 lower-case letters, digits and hyphens, such as privacy-policy.");
        }

        return group is { } g && idValid ? new DocumentReference(g, input.DocumentId!) : null;
    }

    /// <summary>Whether <paramref name="id"/> has the form of a document id (the business chooses it when it creates the document).</summary>
    public static bool IsDocumentId(string id) => DocumentIdPattern().IsMatch(id);

    private static void Required(string? value, string path, ValidationErrors errors)
    {
        if (value is null && !errors.IsRejected(path))
        {
            errors.Add(path, WorkflowErrorCodes.FieldRequired, "Required.");
        }
    }

    /// <summary>The values of a list, parsed and each once (unknown and repeated values reported).</summary>
    private static List<T> Distinct<T>(IReadOnlyList<string?>? values, WireValues<T> allowed, string path, ValidationErrors errors)
        where T : struct, Enum
    {
        var parsed = new List<T>();
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            var itemPath = JsonPath.Item(path, i);
            if (values![i] is null)
            {
                Required(null, itemPath, errors);
                continue;
            }

            if (ValueRules.OneOf(values[i], allowed, itemPath, errors) is not { } value)
            {
                continue;
            }

            if (parsed.Contains(value))
            {
                errors.Add(itemPath, WorkflowErrorCodes.DuplicateInput, $"{GivenValue.Quote(values[i]!)} is listed more than once.");
                continue;
            }

            parsed.Add(value);
        }

        return parsed;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentIdPattern();
}
