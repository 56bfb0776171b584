"""Short sounds for OK, warning and refusal (QtMultimedia QSoundEffect).

A laptop without an audio device (or without the multimedia libraries) simply has no sound: the
door works the same, the screen says everything. QtMultimedia is loaded after the window is up,
so it never delays the start.
"""

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

from checkin.resources import resource
from checkin.verdicts import Tone

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

FILES = {Tone.OK: "ok.wav", Tone.WARNING: "warning.wav", Tone.REFUSED: "refused.wav"}


class Sounds(QObject):
    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.available: bool | None = None  # None: not loaded yet
        self.effects: dict[Tone, QSoundEffect] = {}
        self.last_played: Tone | None = None  # what the door asked for last (tests, diagnostics)

    def load(self) -> bool:
        """Load the effects if there is an audio output; returns whether sound is available."""
        if self.available is not None:
            return self.available
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if not QMediaDevices.audioOutputs():
                log.info("no audio output: sounds off")
                self.available = False
                return False
            for tone, name in FILES.items():
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(resource("sounds", name))))
                effect.setVolume(0.8)
                self.effects[tone] = effect
            self.available = True
        except Exception:  # an audio stack that fails to load means no sound, never no door
            log.warning("sound unavailable", exc_info=True)
            self.available = False
        return self.available

    def play(self, tone: Tone | None) -> None:
        if tone is None or not self.enabled:
            return
        self.last_played = tone
        if not self.load():
            return
        effect = self.effects.get(tone)
        if effect is not None:
            for other in self.effects.values():
                other.stop()  # a new verdict cuts the previous sound short
            effect.play()
