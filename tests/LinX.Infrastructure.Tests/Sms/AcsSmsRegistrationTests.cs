using LinX.Core.Notifications;
using LinX.Infrastructure.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinX.Infrastructure.Tests.Sms;

/// <summary><c>AddLinXSms</c>: the provider setting picks the sender, and only the chosen provider's section is validated at start.</summary>
public sealed class AcsSmsRegistrationTests
{
    private const string Key = FakeAcs.AccessKey;

    private static readonly Dictionary<string, string?> ValidAcs = new()
    {
        ["LinX:Sms:Provider"] = "Acs",
        ["LinX:Sms:Acs:Endpoint"] = "https://linx-test.communication.azure.com",
        ["LinX:Sms:Acs:From"] = "+18005550100",
        ["LinX:Sms:Acs:AccessKey"] = Key,
    };

    [Fact]
    public void AddLinXSms_NoProviderSetting_UsesTheDevInboxAndNeedsNoAcsSection()
    {
        using var services = Build([]);

        ValidateOnStart(services);

        Assert.IsType<DevSmsInbox>(services.GetRequiredService<ISmsSender>());
    }

    [Fact]
    public void AddLinXSms_Acs_UsesTheAcsSenderAndNoInbox()
    {
        using var services = Build(ValidAcs);

        ValidateOnStart(services);

        Assert.IsType<AcsSmsSender>(services.GetRequiredService<ISmsSender>());
        Assert.Null(services.GetService<DevSmsInbox>());
    }

    [Fact]
    public void AddLinXSms_NoProviderSettingWithAcsDefault_UsesAcsEvenWhenOnlyTheAcsSectionIsSet()
    {
        using var services = Build(ValidAcs.Where(s => s.Key != "LinX:Sms:Provider").ToDictionary(), SmsProvider.Acs);

        ValidateOnStart(services);

        Assert.IsType<AcsSmsSender>(services.GetRequiredService<ISmsSender>());
    }

    [Fact]
    public void AddLinXSms_DevInboxSetOverAnAcsDefault_UsesTheInbox()
    {
        using var services = Build(new Dictionary<string, string?> { ["LinX:Sms:Provider"] = "DevInbox" }, SmsProvider.Acs);

        ValidateOnStart(services);

        Assert.IsType<DevSmsInbox>(services.GetRequiredService<ISmsSender>());
    }

    [Theory]
    [InlineData("LinX:Sms:Acs:Endpoint", null, "Endpoint")]
    [InlineData("LinX:Sms:Acs:Endpoint", "http://linx-test.communication.azure.com", "Endpoint")]
    [InlineData("LinX:Sms:Acs:Endpoint", "https://linx-test.communication.azure.com/sms", "Endpoint")]
    [InlineData("LinX:Sms:Acs:From", "LinX Notifications", "From")]
    [InlineData("LinX:Sms:Acs:From", "12345678", "From")]
    [InlineData("LinX:Sms:Acs:AccessKey", "not base64!", "AccessKey")]
    public void AddLinXSms_AcsWithABadSetting_FailsAtStartNamingTheSetting(string key, string? value, string named)
    {
        using var services = Build(new Dictionary<string, string?>(ValidAcs) { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+447700900123")]
    [InlineData("LinX")]
    [InlineData("Acme 24")]
    [InlineData("262966")]
    public void AddLinXSms_AcsSenderIds_E164ShortCodeOrAlphanumericAreValid(string from)
    {
        using var services = Build(new Dictionary<string, string?>(ValidAcs) { ["LinX:Sms:Acs:From"] = from });

        ValidateOnStart(services);
    }

    [Fact]
    public void AddLinXSms_UnknownProvider_FailsAtRegistration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LinX:Sms:Provider"] = "Carrier pigeon" }).Build();

        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddLinXSms(configuration));
    }

    /// <summary>Runs the start-up validation, as a host does (nothing is registered for it when no section is validated).</summary>
    private static void ValidateOnStart(ServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    private static ServiceProvider Build(Dictionary<string, string?> settings, SmsProvider defaultProvider = SmsProvider.DevInbox)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddLinXSms(configuration, defaultProvider);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
