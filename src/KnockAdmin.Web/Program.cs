using KnockAdmin.Web.Cli;

// One executable: the panel (`serve`, the default) and the administration verbs.
return await KnockAdminCommandLine.InvokeAsync(args, CliContext.FromConsole());
