"""Rules of the learner's player that the server decides."""

# A video counts as finished within its last 5 seconds or its last 2 %, whichever is longer: 5 s covers a short
# clip's closing frame and the second the saved position is rounded to; 2 % covers a long recording's credits
# (72 s of an hour) without sending someone who stopped a minute before the end of a 10-minute talk back to 0.
FINISHED_SECONDS = 5
FINISHED_SHARE = 0.02


def resume_from(saved, duration):
    """Where a learner's player starts: the saved position, or the beginning once the video was watched to its end."""
    if not duration:
        return saved
    return 0 if saved >= duration - max(FINISHED_SECONDS, FINISHED_SHARE * duration) else saved
