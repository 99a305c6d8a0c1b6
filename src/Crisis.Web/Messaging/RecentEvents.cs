namespace Crisis.Web.Messaging;

/// <summary>Remembers the ids of recently consumed events, so a redelivered event is handled once.</summary>
public sealed class RecentEvents
{
    private const int Capacity = 10_000;
    private readonly HashSet<Guid> _seen = [];
    private readonly Queue<Guid> _order = new();

    public bool FirstTime(Guid? eventId)
    {
        if (eventId is not { } id)
        {
            return true;
        }
        lock (_seen)
        {
            if (!_seen.Add(id))
            {
                return false;
            }
            _order.Enqueue(id);
            if (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue());
            }
            return true;
        }
    }
}
