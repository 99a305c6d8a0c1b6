using Crisis.Domain;
using Crisis.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crisis.Web.Alerting.Channels;

/// <summary>
/// The VAPID key pair Web Push signs with: the configured one (<c>Crisis:Push:PublicKey</c>/<c>PrivateKey</c>), else the
/// one stored in the database, generated at the first start. Every node must sign with the same pair (a browser
/// subscribed with one public key), so two nodes that start on an empty database at once both insert row 1 and the
/// loser of that race takes the winner's pair.
/// </summary>
public sealed partial class VapidKeys(
    IServiceScopeFactory scopes, IOptionsMonitor<AlertChannelOptions> options, IClock clock, ILogger<VapidKeys> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private VapidKeyPair? _stored;

    public async Task<VapidKeyPair> GetAsync(CancellationToken ct = default)
    {
        var push = options.CurrentValue.Push;
        if (Texts.TrimToNull(push.PublicKey) is { } publicKey && Texts.TrimToNull(push.PrivateKey) is { } privateKey)
        {
            return new VapidKeyPair(publicKey, privateKey);
        }
        if (_stored is { } known)
        {
            return known;
        }
        await _gate.WaitAsync(ct);
        try
        {
            return _stored ??= await LoadOrCreateAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<VapidKeyPair> LoadOrCreateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        var row = await db.Set<VapidKeyRecord>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == VapidKeyRecord.TheOne, ct);
        if (row is null)
        {
            var pair = VapidKeyPair.Generate();
            db.Add(new VapidKeyRecord { Id = VapidKeyRecord.TheOne, PublicKey = pair.PublicKey, PrivateKey = pair.PrivateKey, CreatedAt = clock.GetCurrentInstant() });
            try
            {
                await db.SaveChangesAsync(ct);
                Generated(logger);
            }
            catch (DbUpdateException ex) when (DbErrors.IsRace(ex))
            {
                // Another node stored its pair first: that one is the pair.
                db.ChangeTracker.Clear();
            }
            row = await db.Set<VapidKeyRecord>().AsNoTracking().FirstAsync(k => k.Id == VapidKeyRecord.TheOne, ct);
        }
        return new VapidKeyPair(row.PublicKey, row.PrivateKey);
    }

    /// <summary>Makes (or reads) the pair at start-up, so the first subscriber does not wait for it.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await GetAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Not fatal (e.g. the schema is still being created): the first use tries again.
            NotYet(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated the VAPID key pair for Web Push and stored it in the database")]
    private static partial void Generated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The VAPID key pair could not be read at start-up; it is read on first use")]
    private static partial void NotYet(ILogger logger, Exception ex);
}
