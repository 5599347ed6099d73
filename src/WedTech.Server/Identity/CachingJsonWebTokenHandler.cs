using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WedTech.Server.Identity;

/// <summary>
/// Remembers access tokens that passed validation, keyed by the exact token text, until they expire
/// (at most a minute), so a client's burst of requests parses and verifies its token once. Only
/// successes are kept; the per-request checks that can change (tenant binding, user active, security
/// stamp) run on every request in <see cref="IdentityModule"/>, so revocation is not delayed.
/// </summary>
internal sealed class CachingJsonWebTokenHandler(TimeProvider time) : JsonWebTokenHandler, IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_validated.TryGetValue(token, out TokenValidationResult? cached) && cached is not null)
        {
            return cached;
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt)
        {
            var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
            var keep = expires - time.GetUtcNow();
            if (keep > TimeSpan.Zero)
            {
                _validated.Set(token, result, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = keep < MaxAge ? keep : MaxAge });
            }
        }
        return result;
    }

    public void Dispose() => _validated.Dispose();
}
