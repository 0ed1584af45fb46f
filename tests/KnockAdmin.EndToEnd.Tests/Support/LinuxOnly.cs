// Network namespaces, iptables, setpriv and file modes: these tests only run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
