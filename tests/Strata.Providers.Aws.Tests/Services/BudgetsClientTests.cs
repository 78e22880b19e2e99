using Strata.Providers.Aws.Protocol;
using Strata.Providers.Aws.Services.Budgets;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Services;

/// <summary>AWS Budgets against moto: budgets Strata creates are checked with the AWS CLI.</summary>
[Collection(MotoCollection.Name)]
public sealed class BudgetsClientTests(MotoServerFixture moto)
{
    private const string Account = "123456789012";
    private readonly BudgetsClient _budgets = new(moto.CreateContext());

    private static string NewName() => "strata-budget-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task CreateBudget_ForAStackTag_IsVisibleToTheAwsCliWithLimitAndTagFilter()
    {
        var name = NewName();

        await _budgets.CreateBudgetAsync(new CreateBudgetRequest(Account, Budget.ForTag(name, 250.75m, "strata:stack", "web"))
        {
            NotificationsWithSubscribers =
            [
                new NotificationWithSubscribers(new BudgetNotification("ACTUAL", "GREATER_THAN", 80), [new BudgetSubscriber("EMAIL", "ops@example.com")]),
            ],
        });

        var cli = (await moto.Cli.JsonAsync("budgets", "describe-budgets", "--account-id", Account)).RootElement.GetProperty("Budgets")
            .EnumerateArray().Single(b => b.GetProperty("BudgetName").GetString() == name);
        Assert.Equal("250.75", cli.GetProperty("BudgetLimit").GetProperty("Amount").GetString());
        Assert.Equal("USD", cli.GetProperty("BudgetLimit").GetProperty("Unit").GetString());
        Assert.Equal("MONTHLY", cli.GetProperty("TimeUnit").GetString());
        Assert.Equal("COST", cli.GetProperty("BudgetType").GetString());
        Assert.Equal("user:strata:stack$web", cli.GetProperty("CostFilters").GetProperty("TagKeyValue")[0].GetString());
        var notification = (await moto.Cli.JsonAsync("budgets", "describe-notifications-for-budget", "--account-id", Account, "--budget-name", name))
            .RootElement.GetProperty("Notifications")[0];
        Assert.Equal(80, notification.GetProperty("Threshold").GetDouble());
        Assert.Equal("PERCENTAGE", notification.GetProperty("ThresholdType").GetString());
    }

    [Fact]
    public async Task DescribeBudget_CreatedWithTheAwsCli_ReadsLimitFiltersSpendAndPeriod()
    {
        var name = NewName();
        await moto.Cli.JsonAsync("budgets", "create-budget", "--account-id", Account, "--budget",
            $$$"""{"BudgetName":"{{{name}}}","BudgetLimit":{"Amount":"100","Unit":"USD"},"TimeUnit":"QUARTERLY","BudgetType":"COST","CostFilters":{"TagKeyValue":["user:strata:tenant$acme"]}}""");

        var budget = await _budgets.DescribeBudgetAsync(Account, name);

        Assert.Equal(name, budget.BudgetName);
        Assert.Equal(new Spend(100m, "USD"), budget.BudgetLimit);
        Assert.Equal("QUARTERLY", budget.TimeUnit);
        Assert.Equal(["user:strata:tenant$acme"], budget.CostFilters["TagKeyValue"]);
        Assert.NotNull(budget.CalculatedSpend?.ActualSpend);
        Assert.NotNull(budget.TimePeriod?.Start);
    }

    [Fact]
    public async Task DescribeAllBudgets_PageSizeOne_ReturnsEveryBudgetTheAwsCliLists()
    {
        await _budgets.CreateBudgetAsync(new CreateBudgetRequest(Account, Budget.ForTag(NewName(), 10m, "strata:stack", "a")));
        await _budgets.CreateBudgetAsync(new CreateBudgetRequest(Account, Budget.ForTag(NewName(), 20m, "strata:stack", "b")));

        var names = new List<string>();
        await foreach (var budget in _budgets.DescribeAllBudgetsAsync(Account, pageSize: 1)) names.Add(budget.BudgetName);

        var cli = (await moto.Cli.JsonAsync("budgets", "describe-budgets", "--account-id", Account)).RootElement.GetProperty("Budgets")
            .EnumerateArray().Select(b => b.GetProperty("BudgetName").GetString()!).ToHashSet();
        Assert.Equal(cli, names.ToHashSet());
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task DeleteBudget_Existing_IsGoneForTheAwsCli()
    {
        var name = NewName();
        await _budgets.CreateBudgetAsync(new CreateBudgetRequest(Account, Budget.ForTag(name, 5m, "strata:stack", "gone")));

        await _budgets.DeleteBudgetAsync(Account, name);

        var (exitCode, _, stderr) = await moto.Cli.RunAsync("budgets", "describe-budget", "--account-id", Account, "--budget-name", name);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("NotFoundException", stderr);
    }

    [Fact]
    public async Task CreateBudget_DuplicateName_ThrowsDuplicateRecord()
    {
        var name = NewName();
        await _budgets.CreateBudgetAsync(new CreateBudgetRequest(Account, Budget.ForTag(name, 5m, "strata:stack", "dup")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            _budgets.CreateBudgetAsync(new CreateBudgetRequest(Account, Budget.ForTag(name, 5m, "strata:stack", "dup"))));

        Assert.Equal("DuplicateRecordException", error.Code);
        Assert.Equal("Budgets", error.Service);
    }
}
