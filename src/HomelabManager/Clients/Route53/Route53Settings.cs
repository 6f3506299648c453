using HomelabManager.Clients.Aws;
using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Route53;

/// <summary>Where and as whom the Route 53 client talks.</summary>
/// <param name="Endpoint">Base address (provider option <c>endpoint</c>).</param>
/// <param name="Credentials">Signing credentials; never printed.</param>
internal sealed record Route53Settings(Uri Endpoint, AwsCredentials Credentials)
{
    /// <summary>The global endpoint.</summary>
    public const string DefaultEndpoint = "https://route53.amazonaws.com";

    /// <summary>Prints without secrets.</summary>
    public override string ToString() => $"Route 53 at {Endpoint} ({Credentials})";
}
