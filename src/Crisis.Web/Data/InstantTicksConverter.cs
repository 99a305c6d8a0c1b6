using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Crisis.Web.Data;

/// <summary>
/// SQLite has no timestamp type; Instants are stored as Unix ticks (100 ns), which sort and compare
/// exactly and lose nothing.
/// </summary>
internal sealed class InstantTicksConverter() : ValueConverter<Instant, long>(
    i => i.ToUnixTimeTicks(),
    t => Instant.FromUnixTimeTicks(t));
