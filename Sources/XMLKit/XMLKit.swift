// Module XMLKit.
