using KoreaPolicy.Api.Hosting;

var commandLine = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(commandLine.HostArgs);
builder.AddKoreaPolicy();
var app = builder.Build();
return app.RunKoreaPolicy(commandLine);
