using System.CommandLine;

namespace WedTech.Server.Platform.Cli;

/// <summary>A top-level operator command a module contributes (Tenancy: <c>tenants</c>).</summary>
public interface IOperatorCommand
{
    string Name { get; }

    /// <summary>Work done before any of its subcommands runs (the catalog's schema).</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    Command Create();
}

/// <summary>
/// Operator commands, run with the server's own configuration:
/// <c>dotnet run --project src/WedTech.Server -- tenants list</c>.
/// </summary>
public static class OperatorCli
{
    public static bool IsCommand(IServiceProvider services, string[] args) =>
        args.Length > 0 && services.GetServices<IOperatorCommand>().Any(command => command.Name == args[0]);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var commands = services.GetServices<IOperatorCommand>().ToList();
        foreach (var command in commands.Where(command => args.Length > 0 && command.Name == args[0]))
        {
            await command.PrepareAsync(CancellationToken.None);
        }
        var root = new RootCommand("WedTech operator commands.");
        foreach (var command in commands)
        {
            root.Subcommands.Add(command.Create());
        }
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>Runs an operator action: 0 when done, 2 with the problem on standard error when the input was refused.</summary>
    public static async Task<int> Report(Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                await Console.Error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            }
            return 2;
        }
        catch (ApiException e)
        {
            await Console.Error.WriteLineAsync($"{e.Title}: {e.Detail}");
            return 2;
        }
    }
}
