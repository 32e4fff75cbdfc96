using KoreaPolicy.Floor;

// The floor: `dotnet KoreaPolicy.Floor.dll --Responses=<folder> --urls=http://127.0.0.1:<port>`.
// No routing, no middleware: one delegate looks the path and query up in a dictionary and writes
// the recorded bytes. Nothing built on this framework can answer these URLs faster.
var builder = WebApplication.CreateSlimBuilder(args);
var folder = builder.Configuration["Responses"]
    ?? throw new InvalidOperationException("usage: KoreaPolicy.Floor --Responses=<folder written by the load benchmark> [--urls=...]");
var responses = RecordedResponses.Load(folder);
var app = builder.Build();
app.Run(responses.ServeAsync);
app.Run();
