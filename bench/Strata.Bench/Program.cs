using System.Text.Json;
using Strata.Bench;
using Strata.Bench.Comparison;
using Strata.Bench.Corpus;
using Strata.Bench.Generation;
using Strata.Bench.Measurement;

// Strata validation benchmarks. `compare` is what bench/run.sh runs; the other commands are its workers
// (each measurement runs in a fresh process so JIT state and peak memory belong to that measurement alone).
try
{
    var options = BenchArgs.Parse(args);
    switch (options.Command)
    {
        case "compare":
            var settings = CompareSettings.From(options);
            options.RejectUnknown();
            return CompareCommand.Run(settings);

        case "generate":
            var directory = options.String("out", "generated");
            var mixSizes = options.IntList("resources", GeneratedTemplates.MixSizes);
            var conditionSizes = options.IntList("conditions", GeneratedTemplates.ConditionSizes);
            options.RejectUnknown();
            foreach (var generated in GeneratedTemplates.WriteAll(directory, mixSizes, conditionSizes))
            {
                Console.WriteLine($"{generated.Path}\t{generated.Bytes} bytes\t{generated.Resources} resources\t{generated.Conditions} conditions");
            }

            return 0;

        case "corpus":
            var corpus = options.String("corpus", "../shared/corpus");
            var passes = options.Int("passes", 5);
            options.RejectUnknown();
            WriteJson(CorpusThroughput.Measure(CorpusFiles.Find(corpus), passes));
            return 0;

        case "file":
            var path = options.OptionalString("path") ?? throw new BenchUsageException("file: --path FILE is required");
            var runs = options.Int("runs", 15);
            var warmups = options.Int("warmup", 3);
            options.RejectUnknown();
            if (!File.Exists(path))
            {
                throw new BenchUsageException($"file: {path} does not exist");
            }

            WriteJson(FileBenchmark.Measure(path, Math.Max(1, runs), warmups));
            return 0;

        case "profile":
            var profiled = options.OptionalString("path") ?? throw new BenchUsageException("profile: --path FILE is required");
            var profileRuns = options.Int("runs", 15);
            options.RejectUnknown();
            if (!File.Exists(profiled))
            {
                throw new BenchUsageException($"profile: {profiled} does not exist");
            }

            Console.Write(PhaseProfile.Measure(profiled, Math.Max(1, profileRuns)));
            return 0;

        default:
            throw new BenchUsageException($"Unknown command '{options.Command}': use compare, generate, corpus, file or profile");
    }
}
catch (BenchUsageException ex)
{
    Console.Error.WriteLine($"Strata.Bench: {ex.Message}");
    return 2;
}

static void WriteJson<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, BenchJson.Options));
