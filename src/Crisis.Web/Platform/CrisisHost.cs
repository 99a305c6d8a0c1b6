using Crisis.Web.Alerting;
using Crisis.Web.Components;
using Crisis.Web.Data;
using Crisis.Web.Demo;
using Crisis.Web.Exercises;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Messaging;
using Crisis.Web.Organisation;
using Crisis.Web.Paspoort;
using Crisis.Web.Roster;
using Crisis.Web.Teams;

namespace Crisis.Web.Platform;

/// <summary>The whole of Crisis, feature by feature: used by Program and by the benchmarks, so both run the same host.</summary>
public static class CrisisHost
{
    public static WebApplicationBuilder AddCrisis(this WebApplicationBuilder builder) =>
        builder.AddCrisisPlatform()
            .AddCrisisDatabase()
            .AddCrisisBus()
            .AddCrisisIdentity()
            .AddOrganisation()
            .AddIncidents()
            .AddRoster()
            .AddPaspoort()
            .AddTeams()
            .AddAlerting()
            .AddExercises()
            .AddDemo()
            .AddCrisisUi()
            .AddCrisisOperations();

    public static WebApplication MapCrisis(this WebApplication app)
    {
        app.UseCrisisPlatform();
        app.MapCrisisOperations();
        app.MapCrisisIdentity();
        app.MapOrganisation();
        app.MapIncidents();
        app.MapRoster();
        app.MapPaspoort();
        app.MapTeams();
        app.MapAlerting();
        app.MapExercises();
        app.MapCrisisUi();
        return app;
    }
}
