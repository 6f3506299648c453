using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Definitions;

/// <summary>The diagnostics of service definitions (codes HLM2xx); one factory per code.</summary>
internal static class ServiceDiagnostics
{
    public static Diagnostic WrongType(string path, SourceRange range, string name, string expected) =>
        Diagnostic.Error("HLM201", "Incorrect attribute value type", $"\"{name}\" must be {expected}.", path, range);

    public static Diagnostic InvalidName(string path, SourceRange range, string what, string value) =>
        Diagnostic.Error("HLM202", $"Invalid {what}", $"\"{value}\" is not a valid {what}: use 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit.", path, range);

    public static Diagnostic OutOfRange(string path, SourceRange range, string name, long value, long min, long max, string unit) =>
        Diagnostic.Error("HLM203", "Value out of range", $"\"{name}\" is {value}{unit}; it must be between {min} and {max}{unit}.", path, range);

    public static Diagnostic InvalidProtocol(string path, SourceRange range, string value) =>
        Diagnostic.Error("HLM204", "Invalid protocol", $"\"{value}\" is not a port protocol; use \"tcp\" or \"udp\".", path, range);

    public static Diagnostic UnsupportedPortKey(string path, SourceRange range, string key, string suggestion) =>
        Diagnostic.Error("HLM205", "Unsupported port field", $"A port takes internal, external, protocol and name; \"{key}\" is not one of them.{Spaced(suggestion)}", path, range);

    public static Diagnostic MissingPortKey(string path, SourceRange range) =>
        Diagnostic.Error("HLM206", "Missing internal port", "Each port needs \"internal\", the port the container listens on, e.g. { internal = 80, external = 8080 }.", path, range);

    public static Diagnostic DuplicatePort(string path, SourceRange range, int port, string protocol) =>
        Diagnostic.Error("HLM207", "Duplicate port", $"Container port {port}/{protocol} is listed twice; list each port once.", path, range);

    public static Diagnostic ExternalPortTaken(string path, SourceRange range, int port, string protocol, string otherService, string otherPath, SourcePosition otherPosition) =>
        Diagnostic.Error("HLM208", "External port already in use", $"Host port {port}/{protocol} is also claimed by service \"{otherService}\" ({otherPath}:{otherPosition.Line}:{otherPosition.Column}); two services cannot publish the same static port.", path, range);

    public static Diagnostic RelativeVolumePath(string path, SourceRange range, string value) =>
        Diagnostic.Error("HLM209", "Volume path must be absolute", $"\"{value}\" is where the volume appears inside the container and must start with '/'.", path, range);

    public static Diagnostic DuplicateVolumePath(string path, SourceRange range, string value, SourcePosition first) =>
        Diagnostic.Error("HLM210", "Two volumes on one path", $"Another volume is already mounted at \"{value}\" ({first.Line}:{first.Column}).", path, range);

    public static Diagnostic InvalidEnvName(string path, SourceRange range, string name) =>
        Diagnostic.Error("HLM211", "Invalid environment variable name", $"\"{name}\" is not a valid variable name: use letters, digits and '_', not starting with a digit.", path, range);

    public static Diagnostic InvalidVaultReference(string path, SourceRange range, string reason) =>
        Diagnostic.Error("HLM212", "Invalid Vault reference", reason + ".", path, range);

    public static Diagnostic InvalidImage(string path, SourceRange range, string image) =>
        Diagnostic.Error("HLM213", "Invalid image reference", $"\"{image}\" is not a valid container image reference, e.g. \"nginx:1.27\" or \"ghcr.io/owner/app:2.1\".", path, range);

    public static Diagnostic UnpinnedImage(string path, SourceRange range, string image) =>
        Diagnostic.Warning("HLM214", "Image tag not pinned", $"\"{image}\" follows a moving tag; pin a version (e.g. \"{ImageWithoutTag(image)}:1.2.3\") so deploys are repeatable.", path, range);

    public static Diagnostic DuplicateService(string path, SourceRange range, string name, string otherPath, SourcePosition otherPosition) =>
        Diagnostic.Error("HLM215", "Duplicate service name", $"A service named \"{name}\" is also defined in {otherPath}:{otherPosition.Line}:{otherPosition.Column}; service names must be unique.", path, range);

    public static Diagnostic UnknownDependency(string path, SourceRange range, string name, string suggestion) =>
        Diagnostic.Error("HLM216", "Unknown dependency", $"depends_on names \"{name}\", but no service has that name.{Spaced(suggestion)}", path, range);

    public static Diagnostic AuthWithoutPublicAccess(string path, SourceRange range) =>
        Diagnostic.Warning("HLM217", "auth has no effect", "auth = true protects the public route, but public_access is not true; set public_access = true or remove auth.", path, range);

    public static Diagnostic InvalidHealthPath(string path, SourceRange range, string value) =>
        Diagnostic.Error("HLM218", "Invalid health check path", $"\"{value}\" must be an HTTP path starting with '/', e.g. \"/health\".", path, range);

    public static Diagnostic InvalidCapability(string path, SourceRange range, string value) =>
        Diagnostic.Error("HLM219", "Invalid capability", $"\"{value}\" is not a Linux capability name such as \"NET_ADMIN\".", path, range);

    public static Diagnostic NoHealthPort(string path, SourceRange range) =>
        Diagnostic.Error("HLM220", "Public service without a TCP port", "public_access needs a TCP port for the reverse proxy to route to; add one to container.ports.", path, range);

    public static Diagnostic NotEvaluable(string path, SourceRange range, string name) =>
        Diagnostic.Error("HLM221", "Value is not a constant", $"\"{name}\" must be a literal value here; references, functions and expressions are not allowed in service.hcl.", path, range);

    public static Diagnostic FolderNameMismatch(string path, SourceRange range, string name, string folder) =>
        Diagnostic.Warning("HLM222", "Folder and service name differ", $"The service is named \"{name}\" but lives in services/{folder}/; name the folder after the service to keep the lab easy to navigate.", path, range);

    public static Diagnostic SelfDependency(string path, SourceRange range, string name) =>
        Diagnostic.Error("HLM223", "Service depends on itself", $"\"{name}\" cannot be listed in its own depends_on.", path, range);

    public static Diagnostic InvalidPortName(string path, SourceRange range, string value) =>
        Diagnostic.Error("HLM224", "Invalid port name", $"\"{value}\" is not a valid port label: use letters, digits and '_'.", path, range);

    public static Diagnostic HostPortTwice(string path, SourceRange range, int external, int otherInternal) =>
        Diagnostic.Error("HLM227", "Host port used twice", $"Host port {external} is already mapped to container port {otherInternal}. One host port can serve tcp and udp of the same container port, nothing else.", path, range);

    public static Diagnostic UnreadableFile(string path, string reason) =>
        Diagnostic.Error("HLM225", "Cannot read file", reason, path, SourceRange.At(SourcePosition.Start));

    public static Diagnostic OneServiceBlock(string path, SourceRange range, SourcePosition first) =>
        Diagnostic.Error("HLM226", "One service per file", $"A service.hcl holds exactly one service block; another starts at {first.Line}:{first.Column}. Put each service in its own folder.", path, range);

    private static string ImageWithoutTag(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? image[..colon] : image;
    }

    private static string Spaced(string sentence) => sentence.Length == 0 ? string.Empty : " " + sentence;
}
