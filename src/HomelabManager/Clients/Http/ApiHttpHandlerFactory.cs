using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace HomelabManager.Clients.Http;

/// <summary>Builds the socket handler of one API connection from its TLS settings.</summary>
internal static class ApiHttpHandlerFactory
{
    /// <summary>
    /// A handler with TLS 1.2+ and verification on; a custom CA replaces the system roots for this
    /// connection only; a client certificate is loaded from PEM files.
    /// </summary>
    public static SocketsHttpHandler Create(ApiTlsSettings tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseProxy = false,
        };
        var ssl = handler.SslOptions;
        ssl.EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;

        if (tls.ClientCertFile is not null || tls.ClientKeyFile is not null)
        {
            if (tls.ClientCertFile is null || tls.ClientKeyFile is null)
            {
                throw new ArgumentException("A client certificate needs both a certificate file and a key file.", nameof(tls));
            }

            ssl.ClientCertificates = [X509Certificate2.CreateFromPemFile(tls.ClientCertFile, tls.ClientKeyFile)];
        }

        if (tls.SkipVerify)
        {
#pragma warning disable CA5359 // Explicit opt-in (NOMAD_SKIP_VERIFY and friends), off by default.
            ssl.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (tls.CaCertFile is not null)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(tls.CaCertFile);
            if (roots.Count == 0)
            {
                throw new ArgumentException($"No PEM certificate found in CA file '{tls.CaCertFile}'.", nameof(tls));
            }

            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.AddRange(roots);
            ssl.CertificateChainPolicy = policy;
        }

        return handler;
    }
}
