"""The Qt desktop application. Thin: every action calls the domain in checkin/."""
