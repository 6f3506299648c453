using HomelabManager.Clients.Http;
using HomelabManager.Clients.Route53;

namespace HomelabManager.Integrations.Dns.Route53;

/// <summary>
/// <c>doctor</c> for the <c>route53</c> dns provider: the hosted zone is there (GetHostedZone, or found by name) and a
/// signed ListResourceRecordSets with <c>maxitems=1</c> is accepted.
/// </summary>
internal static class Route53Checks
{
    private const string CredentialsHint =
        "check dns.config.access_key_id and secret_access_key (or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), that the key may use route53:GetHostedZone, ListHostedZonesByName and ListResourceRecordSets, and that this machine's clock is right";

    public static async Task<IReadOnlyList<ProviderCheck>> RunAsync(Route53Client client, string? hostedZoneId, string zone, CancellationToken cancellationToken)
    {
        var zoneCheck = $"hosted zone {zone}";
        const string recordsCheck = "records readable";
        string id;
        try
        {
            if (hostedZoneId is not null)
            {
                id = Route53Client.BareId(hostedZoneId);
                var name = await client.GetHostedZoneNameAsync(id, cancellationToken);
                if (!string.Equals(name.TrimEnd('.'), zone.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
                {
                    return
                    [
                        ProviderCheck.Failed(zoneCheck, $"hosted zone {id} is {name.TrimEnd('.')}, not {zone}", "set dns.config.hosted_zone_id to the zone holding homelab.domain, or set dns.config.zone to match"),
                        ProviderCheck.Skipped(recordsCheck, "the hosted zone does not match"),
                    ];
                }
            }
            else
            {
                var found = await client.FindHostedZoneIdAsync(zone, cancellationToken);
                if (found is null)
                {
                    return
                    [
                        ProviderCheck.Failed(zoneCheck, $"these credentials see no hosted zone \"{zone}\"", "create the hosted zone, or set dns.config.zone (or hosted_zone_id) to the one holding homelab.domain"),
                        ProviderCheck.Skipped(recordsCheck, "no hosted zone"),
                    ];
                }

                id = found;
            }
        }
        catch (ApiException exception)
        {
            return [ProviderCheck.Failed(zoneCheck, exception.Message, Hint(exception)), ProviderCheck.Skipped(recordsCheck, "the hosted zone cannot be read")];
        }

        var zonePassed = ProviderCheck.Passed(zoneCheck, $"{id} (requests signed and accepted)");
        try
        {
            await client.ListFirstResourceRecordSetsAsync(id, 1, cancellationToken);
            return [zonePassed, ProviderCheck.Passed(recordsCheck, "ListResourceRecordSets answers")];
        }
        catch (ApiException exception)
        {
            return [zonePassed, ProviderCheck.Failed(recordsCheck, exception.Message, Hint(exception))];
        }
    }

    private static string Hint(ApiException exception) => exception.Kind switch
    {
        ApiErrorKind.HttpStatus when exception.StatusCode == 404 => "set dns.config.hosted_zone_id to an existing hosted zone (or leave it empty to look the zone up by name)",
        ApiErrorKind.HttpStatus => CredentialsHint,
        _ => "check dns.config.endpoint and the network path to Route 53",
    };
}
