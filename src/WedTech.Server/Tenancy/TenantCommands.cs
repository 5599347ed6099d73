using System.CommandLine;
using WedTech.Server.Platform.Cli;
using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Server.Tenancy;

/// <summary>The operator's <c>tenants</c> commands: list, create, finish, migrate, suspend, resume, delete, domains, make-admin.</summary>
internal sealed class TenantCommands(TenantOperations operations, TenantSchema schema, ProvisioningService provisioning) : IOperatorCommand
{
    public string Name => "tenants";

    public Task PrepareAsync(CancellationToken cancellationToken) => operations.MigrateCatalogAsync(cancellationToken);

    public Command Create()
    {
        var list = new Command("list", "List tenants with status and schema version.");
        list.SetAction(async (_, ct) =>
        {
            var latest = schema.LatestMigration;
            Console.WriteLine($"{"SLUG",-24} {"STATUS",-13} {"PLAN",-13} {"SCHEMA",-40} COMPANY");
            foreach (var t in await operations.ListAsync(ct))
            {
                var schema = t.SchemaVersion == latest ? $"{t.SchemaVersion} (current)" : $"{t.SchemaVersion ?? "none"} (behind)";
                Console.WriteLine($"{t.Slug,-24} {ApiConventions.EnumName(t.Status),-13} {ApiConventions.EnumName(t.Plan),-13} {schema,-40} {t.CompanyName}");
            }
            return 0;
        });

        var slug = new Option<string>("--slug") { Required = true, Description = "The tenant's subdomain." };
        var company = new Option<string>("--company") { Required = true };
        var adminName = new Option<string>("--admin-name") { Required = true };
        var adminEmail = new Option<string>("--admin-email") { Required = true };
        var adminPassword = new Option<string>("--admin-password") { Required = true, Description = "At least 10 characters." };
        var plan = new Option<TenantPlan>("--plan") { DefaultValueFactory = _ => TenantPlan.Starter };
        var create = new Command("create", "Create a tenant (same steps as signup).") { slug, company, adminName, adminEmail, adminPassword, plan };
        create.SetAction((result, ct) => OperatorCli.Report(async () =>
        {
            var tenant = await provisioning.ProvisionAsync(new CreateTenantRequest(
                result.GetValue(company)!, result.GetValue(slug)!, result.GetValue(adminName)!, result.GetValue(adminEmail)!,
                result.GetValue(adminPassword)!, result.GetValue(plan)), ct);
            Console.WriteLine($"Created tenant {tenant.Slug} ({tenant.Id}).");
        }));

        var finishSlug = new Argument<string>("slug");
        var finish = new Command("finish", "Finish provisioning a tenant whose signup was interrupted.") { finishSlug };
        finish.SetAction((result, ct) => OperatorCli.Report(async () =>
        {
            var tenant = await provisioning.FinishAsync(result.GetValue(finishSlug)!, ct);
            Console.WriteLine($"Tenant {tenant.Slug} is {ApiConventions.EnumName(tenant.Status)}.");
        }));

        var parallelism = new Option<int>("--parallelism") { DefaultValueFactory = _ => 4, Description = "Tenant databases migrated at once." };
        var migrate = new Command("migrate", "Migrate every tenant database; continues past failures and reports them.") { parallelism };
        migrate.SetAction(async (result, ct) =>
        {
            var results = await operations.MigrateAllAsync(result.GetValue(parallelism), ct);
            foreach (var r in results)
            {
                Console.WriteLine(r.Succeeded ? $"ok      {r.Slug}  {r.FromVersion ?? "none"} -> {r.ToVersion}" : $"FAILED  {r.Slug}  {r.Error}");
            }
            var failed = results.Count(r => !r.Succeeded);
            Console.WriteLine($"{results.Count - failed} migrated, {failed} failed.");
            return failed == 0 ? 0 : 1;
        });

        var suspend = SuspendCommand("suspend", "Suspend a tenant: its users are refused (403) until it is resumed.", suspended: true, operations);
        var resume = SuspendCommand("resume", "Resume a suspended tenant.", suspended: false, operations);

        var deleteSlug = new Argument<string>("slug");
        var delete = new Command("delete", "Delete a suspended tenant for good: its database, its stored files and its domains.") { deleteSlug };
        delete.SetAction((result, ct) => OperatorCli.Report(async () =>
        {
            await operations.DeleteAsync(result.GetValue(deleteSlug)!, ct);
            Console.WriteLine($"Tenant {result.GetValue(deleteSlug)} deleted.");
        }));

        var domainSlug = new Argument<string>("slug");
        var domainHost = new Argument<string>("host");
        var addDomain = new Command("add-domain", "Serve a tenant at its own domain too.") { domainSlug, domainHost };
        addDomain.SetAction((result, ct) => OperatorCli.Report(async () =>
        {
            await operations.AddCustomDomainAsync(result.GetValue(domainSlug)!, result.GetValue(domainHost)!, ct);
            Console.WriteLine($"{result.GetValue(domainHost)} now serves {result.GetValue(domainSlug)}.");
        }));
        var removeHost = new Argument<string>("host");
        var removeDomain = new Command("remove-domain", "Stop serving a custom domain.") { removeHost };
        removeDomain.SetAction((result, ct) => OperatorCli.Report(async () =>
        {
            await operations.RemoveCustomDomainAsync(result.GetValue(removeHost)!, ct);
            Console.WriteLine($"{result.GetValue(removeHost)} removed.");
        }));

        var adminSlug = new Argument<string>("slug");
        var adminEmail2 = new Argument<string>("email");
        var makeAdmin = new Command("make-admin", "Break-glass: make a member of the studio an active admin (ends their sessions).") { adminSlug, adminEmail2 };
        makeAdmin.SetAction((result, ct) => OperatorCli.Report(async () =>
        {
            await operations.MakeAdminAsync(result.GetValue(adminSlug)!, result.GetValue(adminEmail2)!, ct);
            Console.WriteLine($"{result.GetValue(adminEmail2)} is now an admin of {result.GetValue(adminSlug)}; their sessions were ended.");
        }));

        return new Command(Name, "Manage tenants.") { list, create, finish, migrate, suspend, resume, delete, addDomain, removeDomain, makeAdmin };
    }

    private static Command SuspendCommand(string name, string description, bool suspended, TenantOperations operations)
    {
        var slug = new Argument<string>("slug");
        var command = new Command(name, description) { slug };
        command.SetAction((result, ct) => OperatorCli.Report(async () =>
        {
            await operations.SetSuspendedAsync(result.GetValue(slug)!, suspended, ct);
            Console.WriteLine($"Tenant {result.GetValue(slug)} {(suspended ? "suspended" : "resumed")}.");
        }));
        return command;
    }
}
