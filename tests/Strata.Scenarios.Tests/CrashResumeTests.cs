using System.Diagnostics;
using Strata.Engine.Model;
using Strata.Engine.State;
using Strata.Providers.Sandbox;
using Strata.Providers.Sandbox.Settings;

namespace Strata.Scenarios.Tests;

/// <summary>
/// A real <c>strata up</c> child process killed with SIGKILL at a random moment, then run again: every
/// time, the stack completes with exactly one cloud resource per template resource (nothing created
/// twice) and no cloud resource the stack does not know (nothing left behind), and <c>down</c> then
/// leaves the cloud empty.
/// </summary>
public class CrashResumeTests
{
    private const int Runs = 20;
    private const string Stack = "crashy";

    [Fact]
    public async Task Up_KilledAtRandomPoints_ResumesWithoutDuplicatesOrOrphans()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var template = ScenarioHost.ScenarioPath("crash-resume", "template.yaml");
        var killedMidway = 0;
        for (var run = 0; run < Runs; run++)
        {
            var data = Path.Combine(Path.GetTempPath(), "strata-crash", Guid.NewGuid().ToString("N"));
            var context = $"run {run} (seed {seed}, data {data})";

            // The first attempt dies at a random moment: before, during, or after the provider calls.
            var killAfter = TimeSpan.FromMilliseconds(random.Next(100, 3500));
            var first = await StrataAsync(data, killAfter, "up", template, "--stack", Stack);
            if (first.Killed)
            {
                killedMidway++;
            }
            // A second kill sometimes lands during the resume itself.
            if (random.Next(3) == 0)
            {
                await StrataAsync(data, TimeSpan.FromMilliseconds(random.Next(100, 2000)), "up", template, "--stack", Stack);
            }
            var resumed = await StrataAsync(data, null, "up", template, "--stack", Stack);
            Assert.True(resumed.ExitCode == 0, $"{context}: resume failed ({resumed.ExitCode}): {resumed.Output}");

            await AssertExactlyTheRecordedResourcesAsync(data, context);

            var down = await StrataAsync(data, null, "down", Stack);
            Assert.True(down.ExitCode == 0, $"{context}: down failed: {down.Output}");
            using (var cloud = SandboxCloud.Open(data, new SandboxSettings()))
            {
                Assert.True((await cloud.ListResourcesAsync()).Count == 0, $"{context}: resources left after down");
            }
            Directory.Delete(data, recursive: true);
        }
        Assert.True(killedMidway >= Runs / 2, $"only {killedMidway} of {Runs} first attempts were killed before finishing (seed {seed})");
    }

    private static async Task AssertExactlyTheRecordedResourcesAsync(string data, string context)
    {
        using var store = StateStore.Open(data);
        using var cloud = SandboxCloud.Open(data, new SandboxSettings());
        var stacks = await store.ListStacksAsync(includeDeleted: false, includeNested: true, CancellationToken.None);
        var records = new List<ResourceRecord>();
        foreach (var stack in stacks)
        {
            Assert.True(stack.Status is StackStatus.CreateComplete or StackStatus.UpdateComplete, $"{context}: {stack.Name} is {stack.Status.ToCfn()}");
            Assert.Empty(await store.GetPendingOperationsAsync(stack.StackId, CancellationToken.None));
            records.AddRange(await store.GetResourcesAsync(stack.StackId, CancellationToken.None));
        }
        var cloudResources = await cloud.ListResourcesAsync();

        var duplicates = cloudResources.GroupBy(r => (r.StackName, r.LogicalId)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{context}: created twice: {string.Join(", ", duplicates)}");
        var recorded = records.Where(r => r.Type != "AWS::CloudFormation::Stack").Select(r => r.PhysicalId).Order().ToList();
        var actual = cloudResources.Select(r => r.PhysicalId).Order().ToList();
        Assert.True(recorded.SequenceEqual(actual),
            $"{context}: cloud and records differ. Only in the cloud (orphans): {string.Join(", ", actual.Except(recorded))}; only recorded: {string.Join(", ", recorded.Except(actual))}");
        Assert.Equal(11, cloudResources.Count);
    }

    private sealed record Outcome(int ExitCode, bool Killed, string Output);

    /// <summary>Runs the CLI in a child process; when <paramref name="killAfter"/> is given, SIGKILLs it then (if still running).</summary>
    private static async Task<Outcome> StrataAsync(string data, TimeSpan? killAfter, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "strata.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(data);
        start.Environment["STRATA_SANDBOX_SPEED"] = "20";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var killed = false;
        if (killAfter is { } delay)
        {
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(delay)) != exited)
            {
                process.Kill(); // SIGKILL on Unix: no chance to clean up, exactly what the journal is for.
                killed = true;
            }
        }
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(limit.Token);
        return new Outcome(process.ExitCode, killed, await stdout + await stderr);
    }
}
