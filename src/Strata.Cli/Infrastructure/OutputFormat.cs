namespace Strata.Cli.Infrastructure;

public enum OutputFormat
{
    Text,
    Json,
    Sarif,
}
