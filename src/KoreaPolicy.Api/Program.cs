using KoreaPolicy.Api.Hosting;

var commandLine = CommandLine.Parse(args);
// The settings shipped beside the program (appsettings.json) are read wherever it is started from;
// relative data paths stay relative to the folder the command runs in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = commandLine.HostArgs, ContentRootPath = AppContext.BaseDirectory });
builder.AddKoreaPolicy();
var app = builder.Build();
return app.RunKoreaPolicy(commandLine);
