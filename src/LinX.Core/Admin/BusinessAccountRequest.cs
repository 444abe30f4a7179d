using LinX.Core.Gateway;
using LinX.Core.Payments;
using LinX.Core.Workflows;

namespace LinX.Core.Admin;

/// <summary>
/// The body of <c>POST /api/admin/businesses/{id}/financial-accounts</c>: the business's own bank account,
/// <c>{ financialAccountSubType: CHECKING | SAVING, routingNumber, accountNumber, nameOnAccount }</c>, checked as the
/// Gateway checks a customer's (<see cref="SubmissionParser.Bank"/>). The numbers live only in memory, until tokenized.
/// </summary>
internal sealed record BusinessAccountRequest(FinancialAccountSubType SubType, BankAccountDetails Bank)
{
    private static readonly string[] Known = ["financialAccountSubType", "routingNumber", "accountNumber", "nameOnAccount"];

    public static (BusinessAccountRequest? Request, IReadOnlyList<FieldError> Errors) Parse(ReadOnlyMemory<byte> body) =>
        AdminFields.Read(body, Known, (root, fields) =>
        {
            FinancialAccountSubType? subType = fields.String(root, "financialAccountSubType", "$.financialAccountSubType", 20) switch
            {
                null => null,
                "CHECKING" => FinancialAccountSubType.Checking,
                "SAVING" => FinancialAccountSubType.Saving,
                _ => Invalid(fields),
            };
            var bank = SubmissionParser.Bank(root, fields);
            return subType is { } type && bank is not null ? new BusinessAccountRequest(type, bank) : null;
        });

    private static FinancialAccountSubType? Invalid(JsonBody fields)
    {
        fields.Add("$.financialAccountSubType", "A business account is a bank account: CHECKING or SAVING.", WorkflowErrorCodes.InvalidValue);
        return null;
    }
}
