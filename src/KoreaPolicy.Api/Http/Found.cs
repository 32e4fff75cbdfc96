using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// What a handler asked for (an article at a revision, a write's conditions, a citation's
/// representation), or the problem that answers the request in its place. A finder returns either
/// one as it is (<c>return article;</c>, <c>return Problems.NotFound(...);</c>) and the handler
/// reads straight down:
/// <code>
/// var article = RevisionLookup.Find(...);
/// if (article.Missed) return article.Problem;
/// ... article.Value ...
/// </code>
/// Unlike a nullable result with an <c>out</c> problem, the compiler knows which of the two is
/// there (<see cref="Missed"/>), so no caller has to assert it with <c>!</c>. A struct, so the
/// hot path (every article read) allocates nothing more; <c>default</c> is not a value to use.
/// </summary>
/// <typeparam name="T">What was asked for.</typeparam>
public readonly struct Found<T>
{
    private Found(T value) => Value = value;

    private Found(ProblemHttpResult problem) => Problem = problem;

    /// <summary>What was asked for, unless <see cref="Missed"/>.</summary>
    public T? Value { get; }

    /// <summary>The problem to answer instead, when <see cref="Missed"/>.</summary>
    public ProblemHttpResult? Problem { get; }

    /// <summary>Whether the request is answered with <see cref="Problem"/> rather than with <see cref="Value"/>.</summary>
    [MemberNotNullWhen(true, nameof(Problem))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool Missed => Problem is not null;

    public static implicit operator Found<T>(T value) => new(value);

    public static implicit operator Found<T>(ProblemHttpResult problem) => new(problem);
}
