namespace Crisis.Web.Alerting.Channels;

/// <summary>What one delivery on one channel came to; <see cref="GoneSubscription"/> when the push service said the subscription is gone.</summary>
public sealed record ChannelOutcome(string Status, string? Detail, Guid? GoneSubscription = null)
{
    public static ChannelOutcome Sent(string? detail = null) => new(ChannelStatus.Sent, detail);

    public static ChannelOutcome Failed(string detail, Guid? gone = null) => new(ChannelStatus.Failed, detail, gone);

    public static ChannelOutcome Skipped(string reason) => new(ChannelStatus.Skipped, reason);
}
