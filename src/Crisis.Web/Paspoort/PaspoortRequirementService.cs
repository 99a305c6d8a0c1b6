using Crisis.Domain;
using Crisis.Domain.Paspoort;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Crisis.Web.Paspoort.PaspoortAuditText;

namespace Crisis.Web.Paspoort;

/// <summary>The requirements of functions: listed for everyone, set by coordinators, seeded with defaults at start-up.</summary>
public sealed class PaspoortRequirementService(
    PaspoortStore store, PaspoortSources sources, PaspoortGuard guard, AuditTrail audit, IClock clock)
{
    /// <summary>The requirements in force, of one function or of all, by function and then track (courses first).</summary>
    public async Task<IReadOnlyList<Requirement>> ListAsync(string? function = null, CancellationToken ct = default)
    {
        var all = await store.ActiveRequirementsAsync(ct);
        if (Texts.TrimToNull(function) is { } given)
        {
            var known = await sources.FunctionCodesAsync(ct);
            var code = known.FirstOrDefault(f => Texts.SameCode(f, given))
                ?? throw PaspoortRefusals.NoSuchFunction.RaiseFor("function", ("function", Texts.Shorten(given)));
            all = all.Where(r => r.Function == code).ToList();
        }
        return all;
    }

    /// <summary>Adds a requirement to a function (coordinators). A removed requirement with the same code comes back with the new values.</summary>
    public async Task<Requirement> CreateAsync(Actor actor, NewRequirement request, CancellationToken ct = default)
    {
        await guard.RequireManagerAsync(actor, "paspoort.requirement.create");
        var requirement = RequirementRules.Validate(
            request.Function, request.Code, request.Name, request.Kind, request.ValidForMonths, request.MinimumCount,
            await sources.FunctionCodesAsync(ct), await store.ActiveRequirementsAsync(ct));
        var now = clock.GetCurrentInstant();
        var row = await store.RequirementRowAsync(requirement.Function, requirement.Code, ct);
        if (row is null)
        {
            store.Db.Add(PaspoortRequirementRow.From(requirement, now));
        }
        else
        {
            row.Name = requirement.Name;
            row.Kind = requirement.Kind;
            row.ValidForMonths = requirement.ValidForMonths;
            row.MinimumCount = requirement.MinimumCount;
            row.RemovedAt = null;
            row.ChangedAt = now;
        }
        audit.Stage(store.Db, actor, "paspoort.requirement.create", $"requirement/{requirement.Function}/{requirement.Code}", Describe(requirement));
        await store.SaveAsync(
            PaspoortRuleRefusals.RequirementExists.Raise(("function", requirement.Function), ("code", requirement.Code)), ct);
        return requirement;
    }

    /// <summary>
    /// Changes a requirement's name, validity and minimum count (coordinators); the request replaces all three, so
    /// leaving the validity out makes it once-only. The kind cannot change: records already name the code as
    /// evidence of that kind of activity.
    /// </summary>
    public async Task<Requirement> ChangeAsync(
        Actor actor, string function, string code, RequirementChange request, CancellationToken ct = default)
    {
        await guard.RequireManagerAsync(actor, "paspoort.requirement.change");
        var row = await store.ActiveRequirementRowAsync(function, code, ct);
        if (request.Kind is { } kind && kind != row.Kind)
        {
            throw PaspoortRefusals.RequirementKindFixed.RaiseFor("kind", ("code", row.Code), ("kind", PaspoortRuleRefusals.Word(row.Kind)));
        }
        var others = (await store.ActiveRequirementsAsync(ct)).Where(r => !(r.Function == row.Function && r.Code == row.Code)).ToList();
        var changed = RequirementRules.Validate(
            row.Function, row.Code, request.Name, row.Kind, request.ValidForMonths, request.MinimumCount,
            await sources.FunctionCodesAsync(ct), others);
        var before = Describe(row.ToDomain());
        row.Name = changed.Name;
        row.ValidForMonths = changed.ValidForMonths;
        row.MinimumCount = changed.MinimumCount;
        row.ChangedAt = clock.GetCurrentInstant();
        audit.Stage(store.Db, actor, "paspoort.requirement.change", $"requirement/{row.Function}/{row.Code}", $"{before} -> {Describe(changed)}");
        await store.SaveAsync(PaspoortRefusals.RequirementChangedMeanwhile.Raise(), ct);
        return changed;
    }

    /// <summary>Removes a requirement (coordinators). Records that name it stay; they simply count for nothing in that function any more.</summary>
    public async Task RemoveAsync(Actor actor, string function, string code, CancellationToken ct = default)
    {
        await guard.RequireManagerAsync(actor, "paspoort.requirement.remove");
        var row = await store.ActiveRequirementRowAsync(function, code, ct);
        row.RemovedAt = clock.GetCurrentInstant();
        audit.Stage(store.Db, actor, "paspoort.requirement.remove", $"requirement/{row.Function}/{row.Code}", Describe(row.ToDomain()));
        await store.SaveAsync(PaspoortRefusals.RequirementChangedMeanwhile.Raise(), ct);
    }

    /// <summary>
    /// Gives every key function that has never had a requirement the defaults of <see cref="DefaultRequirements"/>;
    /// run at start-up, harmless to repeat, and safe when several nodes start at once.
    /// </summary>
    internal static async Task EnsureDefaultRequirementsAsync(CrisisDbContext db, IClock clock, CancellationToken ct = default)
    {
        var functions = await PaspoortSources.FunctionCodesAsync(db, ct);
        var withRows = await db.Set<PaspoortRequirementRow>().Select(r => r.Function).Distinct().ToListAsync(ct);
        var now = clock.GetCurrentInstant();
        var added = 0;
        foreach (var requirement in DefaultRequirements.All)
        {
            if (functions.Contains(requirement.Function) && !withRows.Contains(requirement.Function))
            {
                db.Add(PaspoortRequirementRow.From(requirement, now));
                added++;
            }
        }
        if (added == 0)
        {
            return;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsRace(ex))
        {
            // Another node seeded the same defaults at the same moment.
            db.ChangeTracker.Clear();
        }
    }
}
