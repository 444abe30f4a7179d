using LinX.Durable.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinX.Durable.Tests;

public sealed class DurableOptionsTests
{
    [Theory]
    [InlineData("Linx")]
    [InlineData("li")]
    [InlineData("1hub")]
    [InlineData("hub-name")]
    public void Value_InvalidTaskHub_FailsValidation(string taskHub)
    {
        // Arrange
        var provider = Build(o => o.TaskHub = taskHub);

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DurableOptions>>().Value);

        // Assert
        Assert.Contains("TaskHub", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_MaxPollingBelowMin_FailsValidation()
    {
        // Arrange
        var provider = Build(o =>
        {
            o.MinPollingInterval = TimeSpan.FromSeconds(2);
            o.MaxPollingInterval = TimeSpan.FromSeconds(1);
        });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DurableOptions>>().Value);

        // Assert
        Assert.Contains("MaxPollingInterval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_MissingConnectionStringAndZeroConcurrency_ListsBothErrors()
    {
        // Arrange
        var provider = Build(o =>
        {
            o.ConnectionString = string.Empty;
            o.MaxConcurrentActivities = 0;
        });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DurableOptions>>().Value);

        // Assert
        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrentActivities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLinXDurable_FromConfigurationSection_BindsOptions()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LinX:Durable:ConnectionString"] = "UseDevelopmentStorage=true",
            ["LinX:Durable:TaskHub"] = "myhub",
            ["LinX:Durable:MaxConcurrentActivities"] = "3",
            ["LinX:Durable:MaxPollingInterval"] = "00:00:02",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddLinXDurable();

        // Act
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<DurableOptions>>().Value;

        // Assert
        Assert.Equal("myhub", options.TaskHub);
        Assert.Equal(3, options.MaxConcurrentActivities);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxPollingInterval);
    }

    private static ServiceProvider Build(Action<DurableOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLinXDurable(o =>
        {
            o.ConnectionString = "UseDevelopmentStorage=true";
            configure(o);
        });
        return services.BuildServiceProvider();
    }
}
