using LinX.Core.Workflows;

namespace LinX.Core.Tests.Workflows;

public sealed class StepCatalogTests
{
    [Fact]
    public void All_ListsTheEightStepsInRocketKorOrder()
    {
        Assert.Equal(
            [
                StepNames.Notification, StepNames.CustomerAccount, StepNames.LookupProfile, StepNames.EnhanceProfile, StepNames.FinancialAccount,
                StepNames.LookupFinancialAccount, StepNames.DocumentAcceptance, StepNames.MoveMoney,
            ],
            StepCatalog.All.Select(s => s.Name));
        Assert.Equal([1, 2, 2, 3, 4, 4, 5, 6], StepCatalog.All.Select(s => s.OrderGroup));
    }

    [Fact]
    public void All_OnlyEnhanceProfileAndDocumentAcceptanceTakeUserInputs()
    {
        Assert.Equal([StepNames.EnhanceProfile, StepNames.DocumentAcceptance], StepCatalog.All.Where(s => s.HasUserInputs).Select(s => s.Name));
        Assert.All(StepCatalog.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
    }

    [Fact]
    public void All_OnlyNotificationIsNotInteractive()
    {
        Assert.Equal([StepNames.Notification], StepCatalog.All.Where(s => !s.IsInteractive).Select(s => s.Name));
    }

    [Theory]
    [InlineData(StepNames.Notification, "channel,phoneNumber")]
    [InlineData(StepNames.CustomerAccount, "")]
    [InlineData(StepNames.LookupProfile, "customerId")]
    [InlineData(StepNames.FinancialAccount, "financialAccountSubType")]
    [InlineData(StepNames.LookupFinancialAccount, "customerFinancialAccountId")]
    [InlineData(StepNames.EnhanceProfile, "")]
    [InlineData(StepNames.DocumentAcceptance, "")]
    [InlineData(StepNames.MoveMoney, "transactionType,solution,baFinancialAccountId,currency,amount,paymentReasonId")]
    public void Find_EachStep_HasTheSeedRequiredParameters(string name, string required)
    {
        var step = StepCatalog.Find(name);

        Assert.NotNull(step);
        Assert.Equal(
            required.Split(',', StringSplitOptions.RemoveEmptyEntries),
            step.Parameters.Where(p => p.Requirement == ParameterRequirement.Required).Select(p => p.Name));
    }

    [Fact]
    public void MoveMoney_ConditionalParameters_SayWhen()
    {
        var conditional = StepCatalog.MoveMoney.Parameters.Where(p => p.Requirement == ParameterRequirement.Conditional).ToList();

        Assert.Equal(["priority", "startDateTime", "description", "memo"], conditional.Select(p => p.Name));
        Assert.All(conditional, p => Assert.False(string.IsNullOrWhiteSpace(p.Condition)));
    }

    [Theory]
    [InlineData("Notification")]
    [InlineData("email")]
    [InlineData("")]
    public void Find_UnknownOrWrongCase_ReturnsNull(string name)
    {
        Assert.Null(StepCatalog.Find(name));
    }
}
