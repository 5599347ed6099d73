// What nearly every feature uses: the API's records and the app's platform (API client, offline copies, connectivity).
global using WedTech.App.Platform;
global using WedTech.Contracts;
