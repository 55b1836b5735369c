"""The renditions made from one upload, and the ffmpeg graph that makes them in one decode."""

from dataclasses import dataclass

import ffmpeg

GOP_SECONDS = 2
# Measured on Slow 3G (make bench, bench/slow_link.py): adaptive playback showed its first frame at 7.6 s with 2 s
# segments against 9.4 s with 4 s ones; a segment is one keyframe interval, so every segment starts with a picture.
SEGMENT_SECONDS = 2
AUDIO_ONLY_BITRATE = 48_000
# The data saver's file: one AAC-LC file, mono, 16 kbit/s at 22.05 kHz, about 127 KB a minute, so a minute of
# lesson costs a learner on Slow 3G less than 150 KB. AAC in MP4 plays in every browser; Opus would sound better at
# this rate but Safari before 17 cannot play it.
SOUND_FILE_BITRATE = 16_000
SOUND_FILE_SAMPLE_RATE = 22_050
SOUND_FILE = "audio.m4a"
VIDEO_CODECS = "avc1.4d401f"  # H.264 Main profile, level 3.1
AUDIO_CODECS = "mp4a.40.2"  # AAC-LC


@dataclass(frozen=True)
class Rung:
    name: str
    height: int
    video_bitrate: int
    audio_bitrate: int


LADDER = [
    Rung("720p", 720, 2_500_000, 96_000),
    Rung("360p", 360, 600_000, 64_000),
    Rung("240p", 240, 250_000, 48_000),
]


def even(value):
    return max(2, int(value) // 2 * 2)


def rungs_for(height):
    """Never upscale: the rungs at or below the source; a source under 240p keeps its own height."""
    chosen = [rung for rung in LADDER if rung.height <= height]
    if not chosen:
        smallest = LADDER[-1]
        chosen = [Rung(f"{even(height)}p", even(height), smallest.video_bitrate, smallest.audio_bitrate)]
    return chosen


def scaled_width(source_width, source_height, height):
    return even(source_width * height / source_height)


def build(source, probed, out_dir):
    """One ffmpeg run: decode once, split to every rung (HLS), audio only (HLS) and the download MP4."""
    rungs = rungs_for(probed.height)
    has_audio = bool(probed.audio_codec)
    source_input = ffmpeg.input(
        f"file:{source}", f=probed.demuxer, protocol_whitelist="file", format_whitelist="mov,matroska"
    )
    video_outputs = len(rungs) + 1  # + the download MP4, made from the smallest rung's picture
    pictures = source_input.video.filter_multi_output("split", video_outputs)
    sounds = source_input.audio.filter_multi_output("asplit", video_outputs + 2) if has_audio else None
    keyframes = f"expr:gte(t,n_forced*{GOP_SECONDS})"
    common_video = {
        "vcodec": "libx264",
        "preset": "veryfast",
        "profile:v": "main",
        "level": "3.1",
        "pix_fmt": "yuv420p",
        "sc_threshold": 0,
        "force_key_frames": keyframes,
        "g": int(round(probed.frame_rate * GOP_SECONDS)) or 50,
    }
    outputs = []
    for index, rung in enumerate(rungs):
        picture = pictures[index].filter("scale", -2, rung.height)
        streams = [picture] + ([sounds[index]] if has_audio else [])
        options = {
            **common_video,
            "b:v": rung.video_bitrate,
            "maxrate": int(rung.video_bitrate * 1.1),
            "bufsize": rung.video_bitrate * 2,
            "f": "hls",
            "hls_time": SEGMENT_SECONDS,
            "hls_playlist_type": "vod",
            "hls_flags": "independent_segments",
            "hls_segment_filename": f"{out_dir}/{rung.name}/segment_%05d.ts",
        }
        if has_audio:
            options.update({"acodec": "aac", "b:a": rung.audio_bitrate, "ac": 2})
        outputs.append(ffmpeg.output(*streams, f"{out_dir}/{rung.name}/index.m3u8", **options))
    if has_audio:
        outputs.append(
            ffmpeg.output(
                sounds[len(rungs)],
                f"{out_dir}/audio/index.m3u8",
                acodec="aac",
                **{"b:a": AUDIO_ONLY_BITRATE},
                ac=1,
                f="hls",
                hls_time=SEGMENT_SECONDS,
                hls_playlist_type="vod",
                hls_segment_filename=f"{out_dir}/audio/segment_%05d.ts",
            )
        )
        outputs.append(sound_file_output(sounds[len(rungs) + 2], f"{out_dir}/{SOUND_FILE}"))
    smallest = rungs[-1]
    download_streams = [pictures[len(rungs)].filter("scale", -2, smallest.height)]
    if has_audio:
        download_streams.append(sounds[len(rungs) + 1])
    download_options = {
        **common_video,
        "b:v": smallest.video_bitrate,
        "maxrate": int(smallest.video_bitrate * 1.1),
        "bufsize": smallest.video_bitrate * 2,
        "movflags": "+faststart",
    }
    if has_audio:
        download_options.update({"acodec": "aac", "b:a": smallest.audio_bitrate, "ac": 2})
    outputs.append(ffmpeg.output(*download_streams, f"{out_dir}/download.mp4", **download_options))
    graph = ffmpeg.merge_outputs(*outputs).global_args(
        "-nostdin", "-hide_banner", "-v", "error", "-progress", "pipe:1", "-nostats", "-max_muxing_queue_size", "1024"
    )
    return graph, rungs


def sound_file_output(sound, destination):
    return ffmpeg.output(
        sound,
        destination,
        acodec="aac",
        **{"b:a": SOUND_FILE_BITRATE},
        ac=1,
        ar=SOUND_FILE_SAMPLE_RATE,
        movflags="+faststart",
    )


def poster_args(ffmpeg_binary, source, probed, destination):
    second = min(max(probed.duration * 0.1, 0), 10)
    return [
        ffmpeg_binary,
        "-nostdin",
        "-hide_banner",
        "-v",
        "error",
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        "mov,matroska",
        "-f",
        probed.demuxer,
        "-ss",
        f"{second:.2f}",
        "-i",
        f"file:{source}",
        "-frames:v",
        "1",
        "-vf",
        "scale=-2:360",
        "-q:v",
        "4",
        "-y",
        destination,
    ]
