using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabManager.Tests.Configuration;

namespace HomelabManager.Tests.Integrations;

/// <summary>A throwaway self-signed certificate written as PEM files (for config checks only).</summary>
internal static class SelfSignedCertificate
{
    public static (string CertificatePath, string KeyPath) Write(TempDirectory directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=home.example.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (directory.Write("tls.crt", certificate.ExportCertificatePem()), directory.Write("tls.key", key.ExportPkcs8PrivateKeyPem()));
    }
}
