using System.Net;
using Shouldly;
using WedTech.App.Platform;

namespace WedTech.App.Tests;

public class ApiProblemExceptionTests
{
    private static ApiProblemException Validation(string? detail = null) => new(400, "One or more validation errors occurred.", detail, new Dictionary<string, string[]>
    {
        ["brideName"] = ["Enter the bride's name."],
        ["primaryDate"] = ["Choose the wedding date.", "The date must be between the years 2000 and 2100."],
        ["notes"] = [],
    });

    [Theory]
    [InlineData("brideName")]
    [InlineData("BrideName")]
    [InlineData("BRIDENAME")]
    public void A_field_error_is_found_whatever_the_case_of_the_field_name(string field) =>
        Validation().For(field).ShouldBe("Enter the bride's name.");

    [Fact]
    public void Several_messages_for_one_field_are_joined_into_one_text() =>
        Validation().For("primaryDate").ShouldBe("Choose the wedding date. The date must be between the years 2000 and 2100.");

    [Fact]
    public void A_field_without_messages_has_no_error()
    {
        var problem = Validation();
        problem.For("groomName").ShouldBeNull();
        problem.For("notes").ShouldBeNull();
    }

    [Fact]
    public void A_problem_without_field_errors_has_none_for_any_field()
    {
        var problem = new ApiProblemException(500, "Something went wrong", "Try again.");
        problem.Errors.ShouldBeEmpty();
        problem.For("title").ShouldBeNull();
    }

    [Fact]
    public void The_summary_of_field_errors_without_detail_points_at_the_fields() =>
        Validation().Summary.ShouldBe("Some fields need attention.");

    [Fact]
    public void The_summary_prefers_the_detail_when_there_is_one()
    {
        Validation("The wedding could not be saved.").Summary.ShouldBe("The wedding could not be saved.");
        new ApiProblemException(404, "Not found", "There is no such wedding.").Summary.ShouldBe("There is no such wedding.");
    }

    [Fact]
    public void The_summary_falls_back_to_the_title_when_there_is_nothing_else()
    {
        var problem = new ApiProblemException(403, "Forbidden", detail: null);
        problem.Summary.ShouldBe("Forbidden");
        problem.Message.ShouldBe("Forbidden");
    }

    [Fact]
    public void Only_409_is_a_conflict()
    {
        new ApiProblemException((int)HttpStatusCode.Conflict, "Conflict", null).IsConflict.ShouldBeTrue();
        new ApiProblemException((int)HttpStatusCode.PreconditionFailed, "Precondition failed", null).IsConflict.ShouldBeFalse();
    }

    [Fact]
    public void Offline_problems_say_whether_a_change_was_lost()
    {
        var write = ApiProblemException.NoConnection(write: true);
        var read = ApiProblemException.NoConnection(write: false);
        write.Status.ShouldBe(ApiProblemException.Offline);
        read.Status.ShouldBe(ApiProblemException.Offline);
        write.Summary.ShouldContain("this change was not saved");
        read.Summary.ShouldContain("never loaded on this device");
    }

    [Fact]
    public void An_expired_session_is_a_401_that_asks_to_sign_in_again()
    {
        var expired = ApiProblemException.SessionExpired();
        expired.Status.ShouldBe(401);
        expired.Summary.ShouldBe("Your session has ended. Sign in again.");
    }
}
