using System.Reflection;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Crisis.Web.Tests.Browser;

/// <summary>
/// Keeps what a failing browser test saw: every page still open in the test's browser (a <see cref="TestBrowser"/>
/// field of the test class, or of a fixture it holds) is saved as a PNG under <see cref="Directory"/> before the
/// test class is disposed, and the failure names the files. Wired in once, through <see cref="BrowserFactAttribute"/>.
/// </summary>
public static class FailureScreenshots
{
    /// <summary>CRISIS_TEST_ARTIFACTS when set (ops/test may point it at its results), else a folder in the temp dir.</summary>
    public static string Directory =>
        Environment.GetEnvironmentVariable("CRISIS_TEST_ARTIFACTS") is { Length: > 0 } dir
            ? Path.Combine(dir, "screenshots")
            : Path.Combine(Path.GetTempPath(), "crisis-test-artifacts", "screenshots");

    internal static async Task<IReadOnlyList<string>> TakeAsync(object testClass, string testName)
    {
        var saved = new List<string>();
        var stem = string.Concat(testName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        stem = stem.Length > 120 ? stem[^120..] : stem;
        var n = 0;
        foreach (var browser in BrowsersOf(testClass))
        {
            foreach (var page in browser.Browser.Contexts.SelectMany(c => c.Pages).Where(p => !p.IsClosed))
            {
                var file = Path.Combine(Directory, $"{stem}-{++n}.png");
                try
                {
                    System.IO.Directory.CreateDirectory(Directory);
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 10_000 });
                    saved.Add(file);
                }
                catch (PlaywrightException)
                {
                    // The page died with the test: nothing to keep.
                }
            }
        }
        return saved;
    }

    private static IEnumerable<TestBrowser> BrowsersOf(object testClass)
    {
        const BindingFlags fields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var value in testClass.GetType().GetFields(fields).Select(f => f.GetValue(testClass)))
        {
            if (value is TestBrowser browser)
            {
                yield return browser;
            }
            else if (value is IHasTestBrowser holder && holder.Browser is { } held)
            {
                yield return held;
            }
        }
    }
}

/// <summary>A fixture that owns the browser its tests use, so that a failure's screenshots can find it.</summary>
public interface IHasTestBrowser
{
    TestBrowser? Browser { get; }
}

/// <summary>Names the screenshots of a failed test in its failure message.</summary>
public sealed class ScreenshotsTakenException(IReadOnlyList<string> files)
    : Exception("Screenshots of the open pages: " + string.Join(", ", files));

public sealed class ScreenshotOnFailureDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new ScreenshotOnFailureTestCase(diagnostics, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

public sealed class ScreenshotOnFailureTestCase : XunitTestCase
{
    [Obsolete("For the de-serializer only", true)]
    public ScreenshotOnFailureTestCase()
    {
    }

    public ScreenshotOnFailureTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(diagnostics, display, options, method)
    {
    }

    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new CaseRunner(this, DisplayName, SkipReason, constructorArguments, TestMethodArguments, messageBus, aggregator, cancellationTokenSource).RunAsync();

    private sealed class CaseRunner(IXunitTestCase testCase, string displayName, string skipReason, object[] constructorArguments,
        object[] testMethodArguments, IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        : XunitTestCaseRunner(testCase, displayName, skipReason, constructorArguments, testMethodArguments, messageBus, aggregator, cancellationTokenSource)
    {
        protected override XunitTestRunner CreateTestRunner(ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments,
            MethodInfo testMethod, object[] testMethodArguments, string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes,
            ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
            new TestRunner(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes,
                aggregator, cancellationTokenSource);
    }

    private sealed class TestRunner(ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod,
        object[] testMethodArguments, string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        : XunitTestRunner(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes,
            aggregator, cancellationTokenSource)
    {
        protected override Task<decimal> InvokeTestMethodAsync(ExceptionAggregator aggregator) =>
            new Invoker(Test, MessageBus, TestClass, ConstructorArguments, TestMethod, TestMethodArguments, BeforeAfterAttributes, aggregator,
                CancellationTokenSource).RunAsync();
    }

    private sealed class Invoker(ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod,
        object[] testMethodArguments, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource)
        : XunitTestInvoker(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, beforeAfterAttributes, aggregator,
            cancellationTokenSource)
    {
        // Runs after the test method and before the class (and its browser) is disposed.
        protected override async Task<decimal> InvokeTestMethodAsync(object testClassInstance)
        {
            var elapsed = await base.InvokeTestMethodAsync(testClassInstance);
            if (Aggregator.HasExceptions && testClassInstance is not null)
            {
                var files = await FailureScreenshots.TakeAsync(testClassInstance, Test.DisplayName);
                if (files.Count > 0)
                {
                    Aggregator.Add(new ScreenshotsTakenException(files));
                }
            }
            return elapsed;
        }
    }
}
