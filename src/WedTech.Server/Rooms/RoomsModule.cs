using WedTech.Server.Guests;

namespace WedTech.Server.Rooms;

public static class RoomsModule
{
    public static IServiceCollection AddRooms(this IServiceCollection services) => services.AddScoped<RoomService>().AddScoped<RoomingList>()
        .AddScoped<IHouseholdStays, RoomStays>();
}
